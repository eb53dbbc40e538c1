/**
 * The pack viewer's only script, inlined in viewer/index.html and allowed by its hash in the page's CSP. It runs from
 * file:// with no server and no network: everything it needs (transcript, ids, limits, words) is in the page's
 * `lectern-data` JSON block, the recording is a sibling file played by <audio>, and the review is saved through a
 * Blob link with `download`, which Chromium and Firefox both allow from file:// (no fetch, no storage, no cookies).
 * Plain ES2017 in one function: no build step, no template literals (this file is itself a TypeScript string).
 */
export const VIEWER_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('lectern-data').textContent);
  var lang = String(navigator.language || 'en').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en';
  var copy = data.copy[lang];
  var limits = data.limits;
  var comments = [];
  var scores = {};
  document.documentElement.lang = lang;

  function byId(id) { return document.getElementById(id); }
  function words(key, values) {
    return copy[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }
  function make(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clock(ms) {
    var seconds = Math.floor(ms / 1000);
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ':' + (rest < 10 ? '0' : '') + rest;
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-copy]'), function (node) {
    node.textContent = copy[node.getAttribute('data-copy')];
  });
  byId('name').maxLength = limits.reviewerTagChars;
  byId('strengths').maxLength = limits.freeTextChars;
  byId('improvements').maxLength = limits.freeTextChars;

  var audio = byId('audio');
  function durationMs() {
    if (audio && isFinite(audio.duration) && audio.duration > 0) return Math.round(audio.duration * 1000);
    return data.durationMs || 0;
  }
  function seek(ms) {
    if (!audio) return;
    audio.currentTime = ms / 1000;
    audio.play().catch(function () {});
  }

  // Scores: one group of five radio buttons per rubric item.
  data.rubric.forEach(function (item) {
    var fieldset = make('fieldset', { 'data-item': item });
    fieldset.appendChild(make('legend', {}, copy['rubric.' + item]));
    for (var value = 1; value <= 5; value += 1) {
      var label = make('label', { class: 'score' });
      var input = make('input', { type: 'radio', name: 'score-' + item, value: String(value), 'data-testid': 'score-' + item + '-' + value });
      input.addEventListener('change', function (event) {
        scores[item] = Number(event.target.value);
        if (byId('status').className === 'error') byId('status').textContent = '';
      });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + value));
      fieldset.appendChild(label);
    }
    byId('scores').appendChild(fieldset);
  });

  // Transcript: each timed segment can be played from its start.
  data.segments.forEach(function (segment) {
    var item = make('li');
    if (data.timed && audio) {
      var button = make('button', { type: 'button', class: 'time', 'aria-label': copy.playFrom + ' ' + clock(segment.tStartMs) }, clock(segment.tStartMs));
      button.addEventListener('click', function () { seek(segment.tStartMs); });
      item.appendChild(button);
    } else if (data.timed) {
      item.appendChild(make('span', { class: 'time' }, clock(segment.tStartMs)));
    }
    item.appendChild(make('span', {}, segment.text));
    byId('transcript').appendChild(item);
  });

  // Timed comments: a click on the timeline (or the button, at the time being listened to) adds one.
  function addComment(ms) {
    if (comments.length >= limits.timedComments) return;
    var at = Math.max(0, Math.min(Math.round(ms), limits.timedCommentMaxMs));
    comments.push({ t_ms: at, note: '' });
    comments.sort(function (a, b) { return a.t_ms - b.t_ms; });
    renderComments(comments.filter(function (comment) { return comment.t_ms === at && comment.note === ''; })[0]);
  }
  function renderComments(focusOn) {
    var list = byId('comments');
    var markers = byId('markers');
    list.textContent = '';
    markers.textContent = '';
    byId('no-comments').hidden = comments.length > 0;
    var total = durationMs();
    comments.forEach(function (comment) {
      var item = make('li', { 'data-testid': 'viewer-comment' });
      var id = 'comment-' + comments.indexOf(comment);
      var label = make('label', { for: id }, words('commentAt', { time: clock(comment.t_ms) }));
      var note = make('textarea', { id: id, rows: '2', maxlength: String(limits.timedCommentChars) });
      note.value = comment.note;
      note.addEventListener('input', function () { comment.note = note.value; });
      var remove = make('button', { type: 'button' }, copy.remove);
      remove.addEventListener('click', function () { comments.splice(comments.indexOf(comment), 1); renderComments(); });
      item.appendChild(label);
      item.appendChild(note);
      item.appendChild(remove);
      list.appendChild(item);
      if (comment === focusOn) note.focus();
      if (total > 0) markers.appendChild(make('span', { class: 'marker', style: 'left:' + Math.min(100, (100 * comment.t_ms) / total) + '%' }));
    });
  }
  var timeline = byId('timeline');
  if (timeline) {
    timeline.addEventListener('click', function (event) {
      var box = timeline.getBoundingClientRect();
      // A keyboard "click" has no pointer position: it comments at the time being listened to.
      var pointer = event.detail > 0 && box.width > 0;
      addComment(pointer ? ((event.clientX - box.left) / box.width) * durationMs() : audio ? audio.currentTime * 1000 : 0);
    });
    if (audio) {
      audio.addEventListener('timeupdate', function () {
        var total = durationMs();
        byId('playhead').style.left = total > 0 ? Math.min(100, (100 * audio.currentTime * 1000) / total) + '%' : '0';
      });
    }
  }
  var now = byId('comment-now');
  if (now) now.addEventListener('click', function () { addComment(audio ? audio.currentTime * 1000 : 0); });

  // "Save my review": checked against the same limits as Lectern's import, then downloaded as a small JSON file.
  byId('save').addEventListener('click', function () {
    var status = byId('status');
    status.className = '';
    var missing = data.rubric.filter(function (item) { return !scores[item]; });
    if (missing.length > 0) {
      status.className = 'error';
      status.textContent = copy.missingScores;
      document.querySelector('fieldset[data-item="' + missing[0] + '"] input').focus();
      return;
    }
    if (comments.some(function (comment) { return comment.note.trim() === ''; })) {
      status.className = 'error';
      status.textContent = copy.emptyComment;
      return;
    }
    var name = byId('name').value.trim();
    var ordered = {};
    data.rubric.forEach(function (item) { ordered[item] = scores[item]; });
    var file = {
      format: data.format,
      schema_version: '1.0.0',
      pack_id: data.packId,
      project_id: data.projectId,
      run_id: data.runId,
      review: {
        schema_version: '1.0.0',
        rubric_id: data.rubricId,
        reviewer_tag: name === '' ? null : name,
        scores: ordered,
        free_text: { strengths: byId('strengths').value, improvements: byId('improvements').value },
        timestamps: comments.map(function (comment) { return { t_ms: comment.t_ms, note: comment.note.trim() }; }),
      },
    };
    var blob = new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' });
    var link = make('a', { href: URL.createObjectURL(blob), download: data.fileName });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    status.textContent = words('saved', { file: data.fileName });
  });
})();
`;
