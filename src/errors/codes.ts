/**
 * Every stable error code the tool raises, in one place: callers (and `--json` readers) branch on
 * these, so a code is added here first (CONTRIBUTING, "Adding an error code") and never renamed.
 * Grouped by the room that raises it first; test/errors/codes.test.ts fails on a code nobody raises.
 */
export const ERROR_CODES = [
  // The command line (cli/): exit 2.
  'USAGE', // options that do not go together, or a missing option
  'DIR_NOT_FOUND', // --dir names no folder
  'DIR_NOT_FOLDER', // --dir names a file
  'BAD_AUTHOR', // --author is not "Name <email>"
  'BAD_ENTITIES_JSON', // calc --entities is not JSON
  'NO_STDIN', // predictions from standard input where there is none
  'NO_PREDICTIONS', // a predictions file with no predictions
  'NO_RELEASE', // cite with no release yet

  // Shared pieces (core/): files, CSV, versions, validity.
  'FILE_NOT_READABLE', // a local file given as input cannot be read
  'UNREACHABLE_URL', // an http(s) source could not be fetched or answered an error
  'CSV_EMPTY', // a CSV file with no header
  'CSV_MISSING_COLUMN', // the header lacks a required column
  'CSV_DUPLICATE_COLUMN', // the header names a column twice
  'CSV_COLUMN_COUNT', // a row has more or fewer fields than the header
  'CSV_UNTERMINATED_QUOTE', // a quoted field is never closed
  'CSV_TEXT_AFTER_QUOTE', // text after a closing quote
  'CSV_STRAY_QUOTE', // a quote inside an unquoted field
  'BAD_VERSION', // not MAJOR.MINOR.PATCH, or a part beyond 2^53 − 1
  'INVALID_RESULT', // a write would leave a label invalid (schema or cross-checks)

  // Reading and writing label files (store/).
  'BROKEN_JSON', // a JSON file that does not parse (default of parseJsonText)
  'LABEL_BROKEN_JSON', // a label file that does not parse
  'INVALID_UTF8', // bytes that are not strict UTF-8
  'PATH_NOT_FOUND', // a named label path does not exist
  'PATH_OUTSIDE', // a named path is outside the benchmark repository
  'LABEL_SYMLINK', // a label path is a symbolic link
  'LABEL_NOT_A_FILE', // a label path is not a regular file
  'NOT_A_FOLDER', // a folder on the way is a file
  'FOLDER_NOT_CREATABLE', // a folder cannot be created for a write

  // git (git/, GitStoreError; history/).
  'NOT_A_REPOSITORY', // no .git where one is needed
  'UNKNOWN_REF', // a branch, tag or commit that does not resolve
  'UNKNOWN_PATH', // a path neither on disk, in HEAD nor in the index
  'INVALID_PATH', // a path git cannot store
  'INVALID_NAME', // a ref name git refuses
  'DIRTY_TREE', // local changes would be overwritten
  'TAG_EXISTS', // the tag is there already
  'BRANCH_EXISTS', // the branch is there already
  'NO_IDENTITY', // no author for a commit
  'NOT_A_COMMIT', // an object that should be a commit is not
  'INDEX_LOCKED', // another git process holds index.lock
  'MISSING_OBJECT', // an object is missing from the object store
  'LOCKED', // another writing command holds the repository lock
  'REF_MOVED', // a ref moved between read and update (compare-and-swap refused)
  'GIT_FAILED', // git itself failed (its message is quoted)
  'BAD_LABEL_ID', // a string that is not a label id
  'UNKNOWN_LABEL', // no label with that id (at that ref)

  // Configuration, error categories, calculators.
  'CONFIG_BROKEN_JSON', // a config or prices file that does not parse
  'CONFIG_INVALID', // steward.config.json does not fit its schema
  'CONFIG_UNREADABLE', // steward.config.json cannot be read
  'TAXONOMY_BROKEN_JSON', // the error taxonomy file does not parse
  'TAXONOMY_INVALID', // the error taxonomy does not fit its schema
  'UNKNOWN_CALCULATOR', // no calculator with that id or name
  'BAD_ENTITIES', // entities do not fit the calculator's schema

  // Import (importers/).
  'IMPORT_INVALID_LABEL', // a row would make an invalid label
  'BAD_ROW_NUMBER', // a Row Number that is not a whole number
  'DUPLICATE_ROW_NUMBER', // two rows with the same Row Number
  'BAD_ANSWER', // a Ground Truth Answer that does not parse for the calculator's kind
  'BAD_LIMITS', // limits that do not contain the answer (or differ from an exact answer)
  'DUPLICATE_ITEM', // two rows with the same (Calculator ID, Note ID)
  'ID_COLLISION', // a new upstream item would take an existing label's id

  // Proposing relabels (propose/).
  'BAD_VALUE', // a value that does not parse for the answer kind, or none given
  'NO_CHANGE', // the proposal equals the current answer
  'UNKNOWN_CATEGORY', // an error category not in the taxonomy
  'EVIDENCE_OUTSIDE', // an evidence file outside the repository
  'BAD_BATCH', // a verifier file with bad rows (nothing changed)
  'BAD_ID', // a verifier row with no id
  'JSONL_BROKEN', // a verifier JSONL line is not JSON
  'JSONL_NOT_OBJECT', // a verifier JSONL line is not an object
  'JSONL_UNKNOWN_KEY', // a verifier JSONL line has unknown keys
  'JSONL_BAD_ID', // needs exactly one of "id" or "row"
  'JSONL_NO_VALUE', // no "value"
  'JSONL_BAD_VALUE', // "value" of the wrong type
  'JSONL_BAD_FIELD', // a text field that is not a string

  // Reviewers and sign-offs (review/).
  'UNKNOWN_REVIEWER', // no reviewer with that id
  'INVALID_REVIEWER', // a reviewer file that does not fit its schema
  'REVIEWER_EXISTS', // adding a reviewer that exists, without --replace
  'REVIEWER_REVOKED', // re-adding a revoked reviewer
  'DUPLICATE_KEY', // a public key registered already for another reviewer
  'CHANGE_NEEDS_SIGNER', // a reviewer or policy change without --signer
  'SIGNER_NOT_MAINTAINER', // a change record signed by someone not a maintainer
  'POLICY_INVALID', // a policy change that would break the policy's rules
  'POLICY_UNCHANGED', // a policy change that changes nothing
  'KEY_EXISTS', // keygen would overwrite a key
  'KEY_NOT_WRITABLE', // keygen cannot write the key file
  'KEY_NOT_FOUND', // no such key file
  'KEY_UNREADABLE', // not an ed25519 public key
  'KEY_NOT_ED25519', // a private key of another kind
  'KEY_PERMISSIONS', // a private key readable by others
  'KEY_INSIDE_REPOSITORY', // a private key inside the benchmark repository
  'KEY_MISMATCH', // the key is not the one registered for the reviewer
  'NO_LABELS', // signoff with no label named
  'BAD_DECISION', // a decision other than approve, amend, reject
  'AMEND_NEEDS_VALUE', // amend without the physician's value
  'LABEL_CHANGED', // the label changed since the reviewer saw it
  'BAD_SIGNOFF_FILE', // a sign-off sheet with bad rows (nothing changed)

  // The physician's page (review-app/).
  'BAD_JSON', // a request body that is not JSON
  'BODY_TOO_LARGE', // a request body over the limit
  'BLIND_FIRST', // a decision before the reviewer's own value (blind review)
  'READ_ONLY', // signing on a page started without a reviewer and key

  // The gate (check/).
  'HEAD_UNRESOLVED', // HEAD cannot be resolved
  'BASE_UNRESOLVED', // the base cannot be resolved, or there is none

  // Releases (release/): refusals exit 1, bad requests exit 2.
  'VERSION_EXISTS', // the release tag exists already
  'VERSION_NOT_GREATER', // the version is not above the latest release
  'CHECK_FAILED', // the gate fails against the previous release
  'INVALID_LABELS', // validation findings block the release
  'RELEASE_NEEDS_SIGNATURE', // a release without a maintainer's key where one is registered
  'RELEASE_SIGNER', // the release signer is not a maintainer at the trust root
  'RELEASE_UNSIGNED', // a release's signature file is missing
  'RELEASE_SIGNATURE_BROKEN', // a release's signature file is not JSON
  'RELEASE_SIGNATURE_MISMATCH', // the signature signs another tag or commit
  'RELEASE_BAD_SIGNATURE', // the signature does not verify
  'RELEASE_RECORD_TAMPERED', // the record differs from the one signed
  'RELEASE_TAG_MOVED', // the tag no longer points at the released commit
  'RELEASE_TRUST_ROOT', // the release's trust root cannot be resolved
  'RELEASE_RECORD_MISSING', // a tag with no release record
  'RELEASE_BROKEN_JSON', // a release record that does not parse
  'RELEASE_INVALID', // a release record that does not fit its schema
  'RELEASE_ROOT_MISMATCH', // a release record whose items do not hash to its root
  'RELEASE_MISMATCH', // labels at the tag differ from the release manifest
  'UNKNOWN_VERSION', // no release with that version
  'NOT_A_PINNED_EXPORT', // verify: a file with no pinned header or sidecar
  'BAD_EXPORT_HEADER', // verify: a pinned header that does not parse
  'VERSION_MISMATCH', // verify: an export of another version
  'ROOT_MISMATCH', // verify: an export whose root differs from the release
  'SIDECAR_MISSING', // verify: a split export without its sidecar

  // Export (exporters/).
  'UNKNOWN_FORMAT', // an export or import format this tool does not have
  'UNKNOWN_SPLIT', // no labels in that split
  'SPLIT_WITH_VERSION', // --split together with --version
  'VERSION_REQUIRED', // a pinned format without --version
  'OUT_REQUIRED', // a folder format without --out
  'EMPTY_RELEASE', // a release with no labels to export
  'HF_SPLIT_CLASH', // two splits with the same Hugging Face name

  // Scoring predictions (score/).
  'PREDICTIONS_BAD_JSON', // a predictions line that is not JSON
  'PREDICTIONS_BAD_RECORD', // a predictions line that is not an object
  'PREDICTIONS_NO_ITEM', // a prediction naming no item
  'PREDICTIONS_BAD_ID', // a prediction's id is not a string
  'PREDICTIONS_BAD_ROW', // a prediction's row is not a whole number
  'PREDICTIONS_NO_ANSWER', // a prediction with no answer
  'PREDICTIONS_BAD_ANSWER', // an answer of the wrong type
  'PREDICTIONS_BAD_MODEL', // a model that is not a string
  'PREDICTIONS_AMBIGUOUS_ROW', // a Row Number that names several items
  'PREDICTIONS_UNKNOWN_ITEMS', // predictions for items the version does not have
  'PREDICTIONS_DUPLICATE_ITEMS', // two predictions for one item

  // Verifiers, pull requests, init.
  'UNKNOWN_ID', // verify-labels --ids names no label
  'OUT_EXISTS', // a verifier run's output folder is taken (no --resume)
  'NO_GITHUB_TOKEN', // pr open without a token
  'GITHUB_API', // the GitHub API answered an error
  'NO_REMOTE', // no git remote by that name
  'NO_REPOSITORY', // the remote names no GitHub repository
  'BAD_REPOSITORY', // --repo is not owner/name
  'BAD_NAME', // a branch or remote name the command does not accept
  'BRANCH_IS_BASE', // opening a pull request from the base branch
  'DETACHED_HEAD', // HEAD is not on a branch
  'PUSH_FAILED', // git push failed
  'DIR_NOT_EMPTY', // init into a folder that is not empty
] as const;

/** One of the codes above: the `code` of every StewardError. */
export type ErrorCode = (typeof ERROR_CODES)[number];
