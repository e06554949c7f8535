import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SteppedClock } from '../../../src/clock.js';
import { en } from '../../../src/domain/texts/index.js';
import { englishLeftIn } from '../../helpers/catalog.js';
import { serveLocalPage } from '../../helpers/local-page.js';

let page: Awaited<ReturnType<typeof serveLocalPage>> | undefined;
let base: string;
beforeAll(async () => {
  page = await serveLocalPage(new SteppedClock('2026-11-25T03:00:00Z'));
  base = page.base;
});
afterAll(() => page?.close());

interface Face {
  app: { name: string; commandDescription: string; messageShortcuts: Array<{ name: string }> };
  commands: Array<{ syntax: string; does: string }>;
}
const faceOf = async (user: string): Promise<Face> => (await (await fetch(`${base}/sandbox/state?user=${user}`)).json()) as Face;

describe("the local workspace's face", () => {
  it('is Korean to Minji, who reads Slack in Korean, and English to Alice', async () => {
    const minji = await faceOf('U_MINJI');
    expect(minji.app).toMatchObject({ name: '인시던트 봇', commandDescription: '인시던트 대응 조율', messageShortcuts: [{ name: '인시던트 타임라인에 추가' }] });
    expect(minji.commands.find((c) => c.syntax.startsWith('declare'))?.does).toContain('인시던트를 선언합니다');
    expect(englishLeftIn(JSON.stringify({ app: minji.app, commands: minji.commands }), en)).toEqual([]);
    const alice = await faceOf('U_ALICE');
    expect(alice.app).toMatchObject({ name: 'Incident Bot', commandDescription: 'Incident coordination', messageShortcuts: [{ name: 'Add to incident timeline' }] });
    const names = (face: Face) => face.commands.map((c) => c.syntax.split(' ')[0]);
    expect(names(alice)).toEqual(names(minji));
  });
});
