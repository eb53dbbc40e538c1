/** Preferences are opaque strings by key; the UI gives them meaning (theme, language, weekly target...). */
export type PreferenceValue = string | null;
