/**
 * A reader that goes away early (`lectern snapshot list | head -1`) is not a failure of the command: the output it
 * no longer wants is dropped, and the process exits with the command's own code instead of an EPIPE stack trace.
 */
export function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.destroy();
      return;
    }
    throw error;
  });
}
