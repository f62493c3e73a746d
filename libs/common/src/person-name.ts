/**
 * A person's name as every page, mail and report shows it: a name in Chinese characters reads family
 * name first and without a space, whatever the language around it; every other name keeps its own order.
 */
export function personName(givenName: string, familyName: string): string {
  if (han.test(familyName) && han.test(givenName)) return `${familyName}${givenName}`;
  return `${givenName} ${familyName}`.trim();
}

const han = /^[\p{Script=Han}]+$/u;
