// How the Aver tools meet the host: file-system errors in the reference's words, text files read as the reference
// reads them, and the one colour policy of both commands.
export { colorEnabled } from './color-policy.js';
export { describeIoCode, describeIoError } from './describe-io-error.js';
export { InvalidUtf8Error, readTextFile, readTextFileIfExists } from './text-file.js';
