import { RuleTester } from 'eslint';
import rule from './no-sql-outside-repositories.js';

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('no-sql-outside-repositories', rule, {
  valid: [
    { code: "const label = 'Select a session';" },
    { code: 'const title = `Update: the coach leaves at ${time}`;' },
    { code: "const problem = 'DELETE is not allowed here';" },
    { code: "const word = 'WITH';" },
  ],
  invalid: [
    { code: "const query = 'SELECT id FROM registrations WHERE mission_id = $1';", errors: [{ messageId: 'sql' }] },
    { code: 'await manager.query(`INSERT INTO outbox (event_id) VALUES ($1)`, [id]);', errors: [{ messageId: 'sql' }] },
    { code: 'const s = `\n  UPDATE deliveries d SET status = $1 WHERE id = ${x}`;', errors: [{ messageId: 'sql' }] },
    { code: "const s = 'UPDATE registrations SET status = $1';", errors: [{ messageId: 'sql' }] },
    { code: "const s = 'DELETE FROM inbox WHERE received_at < $1';", errors: [{ messageId: 'sql' }] },
    { code: 'const s = `WITH changed AS (${change}) INSERT INTO outbox VALUES ($1)`;', errors: [{ messageId: 'sql' }] },
  ],
});
