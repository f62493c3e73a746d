/** The MoUs `npm run bench:mou` searches: one INSERT … SELECT over generate_series into the table `mous` of the current search_path. */
export const themes = ['smart city', 'energy', 'e-mobility', 'manufacturing', 'vocational education', 'water', 'health', 'culture', 'tourism', 'logistics'];
export const countries = ['ES', 'IT', 'DE', 'CN', 'FR', 'PT', 'NL', 'PL', 'AT', 'BE', 'SE', 'FI', 'DK', 'CZ', 'HU', 'GR', 'IE', 'RO', 'BG', 'HR'];
export const kinds = ['city', 'government_body', 'business', 'research', 'education', 'ngo'];
/** Title words: a few frequent, most rare, as in real titles. */
export const words = Array.from({ length: 2000 }, (_, n) => `w${n.toString(36)}`);
export const missions = Array.from({ length: 50 }, (_, n) => `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`);

/** 100,000 MoUs of varied status, visibility, themes, parties, missions, years and words, in one statement. */
export async function seedMous(query: (sql: string, values?: unknown[]) => Promise<unknown>, count: number): Promise<void> {
  await query(`SELECT setseed(0.42)`);
  await query(
    `INSERT INTO mous (id, reference, mission_id, title, summaries, themes, parties, party_names, party_countries, signed_on, signed_place,
       entry_into_force_on, expires_on, visibility, status, created_by, created_at, updated_at)
     SELECT gen_random_uuid(),
       'MOU-' || year || '-' || lpad(nth::text, greatest(4, length(nth::text)), '0'),
       CASE WHEN r_mission < 0.7 THEN ($1::uuid[])[1 + (g % 50)] END,
       initcap(($2::text[])[1 + (g % 3)]) || ' on ' || ($3::text[])[1 + (g % 10)] || ' between ' || p1 || ' and ' || p2 || ' ' ||
         ($4::text[])[1 + floor(r_word1 * 2000)::int] || ' ' || ($4::text[])[1 + floor(r_word2 * 2000)::int],
       jsonb_build_object('en', 'A ' || ($2::text[])[1 + (g % 3)] || ' on ' || ($3::text[])[1 + (g % 10)] || ' with pilot projects ' ||
         ($4::text[])[1 + floor(r_word3 * 2000)::int], 'es', 'Cooperación en ' || ($3::text[])[1 + (g % 10)]),
       ARRAY[($3::text[])[1 + t1], ($3::text[])[1 + (t1 + 1 + t2) % 10]],
       jsonb_build_array(jsonb_build_object('name', p1, 'kind', ($6::text[])[1 + (i1 % 6)], 'country', c1),
                         jsonb_build_object('name', p2, 'kind', ($6::text[])[1 + (i2 % 6)], 'country', c2)),
       ARRAY[lower(p1), lower(p2)], ARRAY[c1, c2],
       signed_on, CASE WHEN signed_on IS NOT NULL THEN 'Chengdu' END,
       signed_on + 30, signed_on + 1825,
       CASE WHEN r_visibility < 0.8 THEN 'public' ELSE 'organisers' END,
       status, 'bench', now(), now()
     FROM (
       SELECT g, status, r_mission, r_word1, r_word2, r_word3, r_visibility, i1, i2, t1, t2,
         'Organisation ' || i1 AS p1, 'Organisation ' || i2 AS p2, ($5::text[])[1 + (i1 % 20)] AS c1, ($5::text[])[1 + (i2 % 20)] AS c2,
         signed_on, coalesce(extract(year FROM signed_on)::int, 2020 + (g % 7)) AS year,
         row_number() OVER (PARTITION BY coalesce(extract(year FROM signed_on)::int, 2020 + (g % 7)) ORDER BY g) AS nth
       FROM (
         SELECT g, random() AS r_mission, random() AS r_word1, random() AS r_word2, random() AS r_word3, random() AS r_visibility,
           floor(random() * 400)::int AS i1, 400 + floor(random() * 400)::int AS i2,
           floor(random() * 10)::int AS t1, floor(random() * 9)::int AS t2, status,
           CASE WHEN status NOT IN ('draft', 'negotiating') THEN date '2010-01-01' + floor(random() * 6200)::int END AS signed_on
         FROM generate_series(1, $7::int) AS g,
           LATERAL (SELECT (ARRAY['draft', 'negotiating', 'signed', 'in_force', 'in_force', 'in_force', 'completed', 'terminated', 'expired', 'in_force'])
             [1 + floor(random() * 10 + g * 0)::int] AS status) AS drawn
       ) raw
     ) s`,
    [missions, ['cooperation', 'agreement', 'memorandum'], themes, words, countries, kinds, count],
  );
  await query(
    `INSERT INTO mou_reference_counters (year, last)
     SELECT split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) FROM mous GROUP BY 1`,
  );
  // As autovacuum would have by then: the GIN indexes' pending lists merged, the statistics fresh.
  await query(`VACUUM ANALYZE mous`);
}
