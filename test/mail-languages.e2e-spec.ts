import { call, openMission, registrationInput } from './support/api.js';
import { useSystem } from './support/system.js';

/**
 * A participant's mail is in their `preferredLanguage`, or the first language of its fallback chain
 * that notifications writes (docs/DESIGN.md, Mail languages): Catalan is written, Portuguese is not
 * and falls back to English.
 */
describe('mail languages', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications'] });

  it('mails a Catalan participant in Catalan and a Portuguese one in English', async () => {
    const { missionId } = await openMission(system);
    const register = async (n: number, preferredLanguage: string) => {
      const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
        body: registrationInput(n, { givenName: 'Jordi', familyName: `Puig ${n}`, preferredLanguage }),
      });
      expect(registered.status).toBe(201);
      expect(registered.body.status).toBe('confirmed');
      return registered.body.id as string;
    };
    const [catalan, portuguese] = await Promise.all([register(1, 'ca'), register(2, 'pt-BR')]);
    const confirmationOf = async (registrationId: string, email: string) => {
      const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);
      return system.smtp.waitFor((received) => received.eventId === confirmed.id && received.to.includes(email), `the confirmation to ${email}`);
    };

    const toCatalan = await confirmationOf(catalan, 'delegate1@example.org');
    expect(toCatalan.subject).toBe('La seva inscripció a Smart cities mission to Chengdu and Liuzhou està confirmada');
    expect(toCatalan.text).toContain('Benvolgut/uda Jordi Puig 1:');
    expect(toCatalan.text).toContain('9–15 de juny del 2019');
    expect(toCatalan.text).toContain('hora de la seva zona (Europe/Madrid)');
    expect(toCatalan.text).toMatch(/Gestioni la seva inscripció: \S+/);
    expect(toCatalan.text).not.toContain('{{sign-in-link}}');

    const toPortuguese = await confirmationOf(portuguese, 'delegate2@example.org');
    expect(toPortuguese.subject).toBe('Your registration for Smart cities mission to Chengdu and Liuzhou is confirmed');
    expect(toPortuguese.text).toContain('Dear Jordi Puig 2,');
    expect(toPortuguese.text).toContain('Manage your registration: ');
  });
});
