/**
 * SQL belongs to repositories (docs/DESIGN.md, "Code shape"): a string or template that begins
 * like a statement is refused anywhere the lint config applies this rule. Upper-case keywords
 * only, so that prose ("Select a session") passes.
 */
const STATEMENT = /^\s*(SELECT\b|INSERT\s+INTO\b|UPDATE\s+[\w.]+\s+(AS\s+\w+\s+)?SET\b|UPDATE\s+[\w.]+\s+\w+\s+SET\b|DELETE\s+FROM\b|WITH\s+\w+\s+AS\b|LOCK\s+TABLE\b|TRUNCATE\b|CREATE\s+(TABLE|INDEX|SCHEMA|UNIQUE)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX|SCHEMA)\b)/;

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in *.repository.ts files, migrations and the database core' },
    messages: { sql: 'SQL outside a repository: move this statement into the feature\'s *.repository.ts (docs/DESIGN.md, "Code shape").' },
    schema: [],
  },
  create(context) {
    const check = (node, text) => {
      if (typeof text === 'string' && STATEMENT.test(text)) context.report({ node, messageId: 'sql' });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateLiteral: (node) => check(node, node.quasis[0]?.value.cooked),
    };
  },
};
