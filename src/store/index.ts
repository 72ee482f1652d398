export { canonicalJson, contentHash, fileHash, sha256Hex } from './canonical.js';
export { labelPath, parseLabelPath, itemId, LABELS_DIR } from './paths.js';
export { readLabelFiles, readAllLabels, parseLabelText, type LabelFile } from './read.js';
export { writeLabels, writeLabel, pathOfLabel, type WriteResult } from './write.js';
export { writeFilesAtomically, writeFileAtomically } from './atomic.js';
