// The SQL a data team would write instead of dutycalc, run in DuckDB through its Node.js package:
// read the manifest, join each line's 8-digit code to a table of ad valorem rates, add a flat
// Section 232 surcharge by chapter and origin, and write CSV. It models far less than dutycalc
// (no specific or compound rates, no dates, quotas, fees, programmes or other measures): it is the
// speed to beat, not an answer to compare. run_bench.sh measures it.
//
//   node duckdb_query.mjs NODE_DIR MANIFEST RATES OUTPUT
// NODE_DIR: a directory whose node_modules holds @duckdb/node-api; RATES: make_rate_table.py's CSV.
import { createRequire } from 'node:module';
import path from 'node:path';

const [nodeDir, manifest, rates, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node duckdb_query.mjs NODE_DIR MANIFEST RATES OUTPUT');
  process.exit(2);
}
const { DuckDBInstance } = createRequire(path.join(path.resolve(nodeDir), 'index.js'))(
  '@duckdb/node-api');
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

// Values stay exact (DECIMAL) as in dutycalc; a value that is not a number (a bad line) gives
// empty amounts. Origins exempt from the surcharge: a short fixed list, as such a query would have.
// No ORDER BY, as a data team would write it: DuckDB keeps the manifest's order for nearly every
// row but does not promise it (dutycalc does).
const sql = `
COPY (
  SELECT m.*,
         r.ad_valorem,
         CAST(round(v.value * coalesce(r.ad_valorem, 0) / 100, 2) AS DECIMAL(18, 2)) AS base_duty,
         CAST(round(v.value * CASE
           WHEN m.origin IN ('CA', 'MX', 'AU') THEN 0
           WHEN v.chapter IN ('72', '73') THEN 0.25
           WHEN v.chapter = '76' THEN 0.10
           ELSE 0 END, 2) AS DECIMAL(18, 2)) AS surcharge,
         v.value + base_duty + surcharge AS landed_cost
  FROM read_csv(${literal(manifest)}, header = true, delim = ',', quote = '"',
                all_varchar = true) AS m,
       LATERAL (SELECT TRY_CAST(m.value AS DECIMAL(18, 2)) AS value,
                       substr(m.hs_code, 1, 2) AS chapter,
                       substr(replace(m.hs_code, '.', ''), 1, 8) AS code8) AS v
  LEFT JOIN read_csv(${literal(rates)}, header = true,
                     columns = {'code8': 'VARCHAR', 'ad_valorem': 'DECIMAL(9, 4)'}) AS r
    ON r.code8 = v.code8
) TO ${literal(output)} (HEADER, DELIMITER ',')`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
