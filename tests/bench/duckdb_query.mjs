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
// No ORDER BY, as a data team would write it: rows come out in the join's order, not the
// manifest's (dutycalc keeps the manifest's order, and the benchmark only counts rows here).
const sql = `
COPY (
  WITH lines AS (
    SELECT *,
           TRY_CAST(value AS DECIMAL(18, 2)) AS amount,
           CASE
             WHEN origin IN ('CA', 'MX', 'AU') THEN 0
             WHEN substr(hs_code, 1, 2) IN ('72', '73') THEN 0.25
             WHEN substr(hs_code, 1, 2) = '76' THEN 0.10
             ELSE 0 END AS surcharge_rate
    FROM read_csv(${literal(manifest)}, header = true, delim = ',', quote = '"',
                  all_varchar = true)
  ),
  priced AS (
    SELECT l.* EXCLUDE (amount, surcharge_rate),
           r.ad_valorem,
           CAST(round(l.amount * coalesce(r.ad_valorem, 0) / 100, 2) AS DECIMAL(18, 2))
             AS base_duty,
           CAST(round(l.amount * l.surcharge_rate, 2) AS DECIMAL(18, 2)) AS surcharge,
           l.amount
    FROM lines AS l
    LEFT JOIN read_csv(${literal(rates)}, header = true,
                       columns = {'code8': 'VARCHAR', 'ad_valorem': 'DECIMAL(9, 4)'}) AS r
      ON r.code8 = substr(replace(l.hs_code, '.', ''), 1, 8)
  )
  SELECT * EXCLUDE (amount), amount + base_duty + surcharge AS landed_cost FROM priced
) TO ${literal(output)} (HEADER, DELIMITER ',')`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
