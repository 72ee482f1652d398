import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Label, Signoff } from '../../src/label/types.js';
import { publicKeyText } from '../../src/review/keys.js';
import type { Reviewer } from '../../src/review/reviewer.js';
import { signSignoff } from '../../src/review/sign.js';
import { signedBytes } from '../../src/review/signed-bytes.js';
import { verifySignoff } from '../../src/review/verify-signoff.js';
import { contentHash } from '../../src/store/canonical.js';
import { makeLabel } from '../helpers/labels.js';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKeyText(publicKey) };
}

function signed(
  label: Label,
  reviewer: Reviewer,
  privateKey: ReturnType<typeof keyPair>['privateKey'],
  extra: Partial<Signoff> = {},
): Signoff {
  return signSignoff(
    label.id,
    {
      reviewer: reviewer.id,
      role: reviewer.role,
      decision: 'approve',
      time: '2026-01-02T03:04:05.000Z',
      contentHash: contentHash(label),
      ...extra,
    },
    privateKey,
  );
}

describe('sign-off signatures', () => {
  const { privateKey, publicKey } = keyPair();
  const drA: Reviewer = { id: 'dr-a', name: 'Dr A', role: 'physician', publicKey };
  const label = makeLabel();

  it('the signed bytes are the canonical JSON of exactly the documented fields', () => {
    const bytes = signedBytes('demo-0001', {
      reviewer: 'dr-a',
      role: 'physician',
      decision: 'amend',
      value: '78.1 ml/hr',
      parsedValue: 78.1,
      note: 'day 28 weight',
      time: '2026-01-02T03:04:05.000Z',
      contentHash: 'sha256:' + 'a'.repeat(64),
    });
    expect(new TextDecoder().decode(bytes)).toMatchInlineSnapshot(`
      "{
        "contentHash": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "decision": "amend",
        "labelId": "demo-0001",
        "note": "day 28 weight",
        "parsedValue": 78.1,
        "reviewer": "dr-a",
        "role": "physician",
        "time": "2026-01-02T03:04:05.000Z",
        "value": "78.1 ml/hr"
      }
      "
    `);
    // null (N/A) is signed as null; an absent value is left out.
    const na = new TextDecoder().decode(
      signedBytes('x', {
        reviewer: 'r',
        role: 'p',
        decision: 'approve',
        parsedValue: null,
        time: 't',
        contentHash: 'h',
      }),
    );
    expect(na).toContain('"parsedValue": null');
    expect(na).not.toContain('"value"');
  });

  it('a fresh sign-off verifies; any edited signed field or signature does not', () => {
    const s = signed(label, drA, privateKey, { value: '22.9', parsedValue: 22.9, note: 'ok' });
    expect(verifySignoff(label, s, [drA])).toMatchObject({ signatureValid: true, stale: false, problems: [] });
    const tampered: Partial<Signoff>[] = [
      { decision: 'reject' },
      { value: '30' },
      { parsedValue: 30 },
      { note: 'changed' },
      { time: '2027-01-01T00:00:00.000Z' },
      { reviewer: 'dr-a', role: 'physician', contentHash: 'sha256:' + '0'.repeat(64) },
    ];
    for (const edit of tampered) {
      const verdict = verifySignoff(label, { ...s, ...edit }, [drA]);
      expect(verdict.signatureValid, JSON.stringify(edit)).toBe(false);
      expect(verdict.problems.map((p) => p.code)).toContain('bad-signature');
    }
    const flipped = Buffer.from(s.signature, 'base64');
    flipped[0] ^= 1;
    expect(
      verifySignoff(label, { ...s, signature: flipped.toString('base64') }, [drA]).problems.map((p) => p.code),
    ).toEqual(['bad-signature']);
    expect(verifySignoff(label, { ...s, signature: 'not base64!' }, [drA]).signatureValid).toBe(false);
  });

  it('a signature is bound to its label id: copied onto an identical label it fails', () => {
    const s = signed(label, drA, privateKey);
    const twin = { ...label, id: 'demo-0002' };
    // Same content hash only if the content is the same; the id differs, so the hash differs too,
    // but even a forged hash would not help: the label id is signed.
    expect(verifySignoff(twin, { ...s, contentHash: contentHash(twin) }, [drA]).signatureValid).toBe(false);
  });

  it('stale, unknown reviewer, changed key, role mismatch', () => {
    const s = signed(label, drA, privateKey);
    const changed = { ...label, answer: { kind: 'decimal' as const, value: 30, lower: 28.5, upper: 31.5 } };
    expect(verifySignoff(changed, s, [drA])).toMatchObject({ signatureValid: true, stale: true });
    expect(verifySignoff(changed, s, [drA]).problems.map((p) => p.code)).toEqual(['stale-signoff']);
    expect(verifySignoff(label, s, []).problems.map((p) => p.code)).toEqual(['unknown-reviewer']);
    const rekeyed = { ...drA, publicKey: keyPair().publicKey };
    expect(verifySignoff(label, s, new Map([['dr-a', rekeyed]])).problems.map((p) => p.code)).toEqual([
      'bad-signature',
    ]);
    expect(verifySignoff(label, s, [{ ...drA, role: 'maintainer' }]).problems.map((p) => p.code)).toEqual([
      'role-mismatch',
    ]);
  });

  it('a sign-off made with an unregistered key does not verify', () => {
    const stray = keyPair();
    const s = signed(label, drA, stray.privateKey);
    expect(verifySignoff(label, s, [drA]).problems.map((p) => p.code)).toEqual(['bad-signature']);
  });
});
