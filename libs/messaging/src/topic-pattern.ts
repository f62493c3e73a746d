/**
 * AMQP topic matching, as the broker does it: words are separated by `.`, `*` stands for exactly
 * one word and `#` for zero or more. The transport needs it because a message reaches the queue
 * through a binding, but Nest only knows the handler by the pattern it was registered under.
 */
export function matchesTopic(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), 0, routingKey.split('.'), 0);
}

export function isWildcardPattern(pattern: string): boolean {
  return pattern.split('.').some((word) => word === '*' || word === '#');
}

/** The pattern a routing key is handled by: an exact pattern wins over any wildcard one. */
export function findMatchingPattern(patterns: Iterable<string>, routingKey: string): string | undefined {
  const candidates = [...patterns];
  if (candidates.includes(routingKey)) return routingKey;
  return candidates.find((pattern) => isWildcardPattern(pattern) && matchesTopic(pattern, routingKey));
}

function matchWords(pattern: string[], p: number, key: string[], k: number): boolean {
  while (p < pattern.length) {
    const word = pattern[p];
    if (word === '#') {
      // `#` may swallow any number of words, so try every split point for the rest of the pattern.
      for (let skip = k; skip <= key.length; skip++) {
        if (matchWords(pattern, p + 1, key, skip)) return true;
      }
      return false;
    }
    if (k >= key.length) return false;
    if (word !== '*' && word !== key[k]) return false;
    p++;
    k++;
  }
  return k === key.length;
}
