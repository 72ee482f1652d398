/**
 * A YAML reader for the subset the project's workflow files use (block mappings and sequences, plain
 * and quoted scalars, `|` block scalars, comments), so a test can assert what a workflow does without a
 * YAML dependency. Anything outside the subset (flow collections, anchors, tags) is an error, never a
 * silent misreading.
 */
export type Yaml = string | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  no: number;
}

export function parseYamlSubset(source: string): Yaml {
  const raw = source.split('\n');
  const lines: Line[] = [];
  raw.forEach((line, i) => {
    const text = stripComment(line).trimEnd();
    if (text.trim() === '') return;
    lines.push({ indent: line.length - line.trimStart().length, text: text.trim(), no: i + 1 });
  });
  let at = 0;
  const block = (indent: number): Yaml => {
    if (lines[at].text.startsWith('- ') || lines[at].text === '-') return sequence(lines[at].indent);
    return mapping(indent);
  };
  const sequence = (indent: number): Yaml[] => {
    const out: Yaml[] = [];
    while (
      at < lines.length &&
      lines[at].indent === indent &&
      (lines[at].text.startsWith('- ') || lines[at].text === '-')
    ) {
      const line = lines[at];
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        at++;
        out.push(block(lines[at].indent));
      } else if (/^[^'"\s][^:]*:(\s|$)/.test(rest)) {
        // "- key: value" opens a mapping whose keys sit two columns in.
        lines[at] = { indent: indent + 2, text: rest, no: line.no };
        out.push(mapping(indent + 2));
      } else {
        at++;
        out.push(scalar(rest, line.no));
      }
    }
    return out;
  };
  const mapping = (indent: number): { [key: string]: Yaml } => {
    const out: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at].indent === indent) {
      const line = lines[at];
      const m = /^([^'"\s][^:]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/.exec(line.text);
      if (!m) throw new Error(`line ${line.no}: not a key: value line: ${line.text}`);
      const key = unquote(m[1]);
      if (Object.hasOwn(out, key)) throw new Error(`line ${line.no}: duplicate key ${key}`);
      at++;
      const value = m[2];
      if (value === undefined || value === '') {
        out[key] =
          at < lines.length && lines[at].indent > indent
            ? block(lines[at].indent)
            : at < lines.length && lines[at].indent === indent && lines[at].text.startsWith('- ')
              ? sequence(indent)
              : '';
      } else if (value === '|' || value === '|-') {
        const body: string[] = [];
        const first = at < raw.length ? lines[at] : undefined;
        const inner = first && first.indent > indent ? first.indent : indent + 2;
        let k = line.no; // raw index of the next line (0-based = line.no)
        while (k < raw.length && (raw[k].trim() === '' || raw[k].length - raw[k].trimStart().length >= inner)) {
          body.push(raw[k].slice(inner));
          k++;
        }
        while (body.length && body[body.length - 1] === '') body.pop();
        out[key] = body.join('\n') + (value === '|' ? '\n' : '');
        while (at < lines.length && lines[at].no <= k) at++;
      } else {
        out[key] = scalar(value, line.no);
      }
    }
    return out;
  };
  const result = block(lines[0].indent);
  if (at !== lines.length) throw new Error(`line ${lines[at].no}: unexpected indentation`);
  return result;
}

function scalar(text: string, no: number): string {
  if (/^[[{&*!]/.test(text)) throw new Error(`line ${no}: flow collections, anchors and tags are outside the subset`);
  return unquote(text);
}

function unquote(text: string): string {
  if (
    text.length >= 2 &&
    ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))
  )
    return text.slice(1, -1);
  return text;
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}
