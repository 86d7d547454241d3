// Reads a JSON array of SQL statements on stdin and prints, for each, a JSON array of Trino syntax errors (empty when
// the statement parses), one line per statement.
const { TrinoSQL } = require('dt-sql-parser');

const parser = new TrinoSQL();
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  for (const sql of JSON.parse(input)) {
    const errors = parser.validate(sql).map((e) => `line ${e.startLine}, column ${e.startColumn}: ${e.message}`);
    process.stdout.write(JSON.stringify(errors) + '\n');
  }
});
