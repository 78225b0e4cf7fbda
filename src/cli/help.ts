export const HELP = `Usage: azure-backup-lint [paths…] [options] [-- paths…]
       azure-backup-lint inventory [paths…] [--format table|json]
       azure-backup-lint --stdin --stdin-filename <file> [options]

Lints Bicep (.bicep, .bicepparam), ARM templates and Terraform for settings Azure
Backup cannot protect or restore. Paths default to the current directory.

Options:
  -f, --format <name>        stylish (default), json, sarif, github, azure-devops, junit, markdown
  -o, --output-file <file>   write the --format it is paired with (before or after it) to a file;
                             pairs may repeat: -f sarif -o a.sarif -f json -o a.json
  --matrix <2021|2025>       support-matrix edition (default 2021)
  --param-file <file>        ARM parameter file or .bicepparam to use instead of the naming
                             convention (repeatable)
  --compiled-json <skip|lint>  JSON that bicep build wrote beside its .bicep: skip (default: the
                             .bicep is linted) or lint it too
  --var-file <file>          Terraform variable file (repeatable)
  --rule <id=off|warn|error> set a rule's severity (repeatable)
  --preset <recommended|all> base rule set (default recommended)
  --unknown-values <ignore|report>  report "may be" findings for unknown values
  --report-unused-disable-directives   report eslint-disable comments that suppress nothing (as errors)
  --report-unused-disable-directives-severity <off|warn|error>   … with this severity
  -c, --config <file>        configuration file (default: .azure-backup-lint.json found upward)
  --ignore-pattern <glob>    skip matching files (repeatable)
  --baseline <file>          report only findings not in this baseline
  --write-baseline <file>    record the current findings as the baseline (and accept them: exit 0)
  --changed-since <git-ref>  lint only units with files changed since the ref
  --stdin                    lint standard input, as the file named by --stdin-filename
  --stdin-filename <file>    the file (inside the project) standard input stands for
  --print-config <file>      print the options that apply to the file, as JSON
  --list-rules               print each rule's id, default severity, docs URL and support-matrix row
                             (of the --matrix edition; -f json: as JSON, with the row in full)
  --max-warnings <n>         exit 1 when there are more than n warnings
  -q, --quiet                report errors only
  --color, --no-color        force or disable colors (default: on a terminal; FORCE_COLOR, NO_COLOR)
  --no-progress              no progress line on a terminal
  --concurrency <n|auto>     threads for large runs (default auto: one per core from 3 cores)
  -h, --help                 this help
  -v, --version              print the version
  --                         what follows is a path, even if it starts with '-'

Files the CLI opens itself (--config, --baseline, --param-file, --var-file, --stdin-filename and
an --output-file inside the working directory) must lie inside the working directory, also
through symbolic links.

Exit codes: 0 no errors, 1 error findings (or too many warnings), 2 usage or configuration error.
`;
