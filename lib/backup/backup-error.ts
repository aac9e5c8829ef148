/**
 * A backup or restore that cannot go on: the message is one line an operator
 * can act on (the commands print it as it is and exit 1).
 */
export class BackupError extends Error {
  override name = "BackupError";
}
