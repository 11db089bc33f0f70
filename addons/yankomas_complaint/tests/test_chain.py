"Unit tests of the hash chain, without the database."
import unittest

from yankomas_complaint import chain

MODEL = 'yankomas.complaint'


def build(payloads):
    "The links [(position, previous, payload, hashed, digest)] of payloads."
    links, previous = [], None
    for position, payload in enumerate(payloads, 1):
        hashed = chain.payload_digest(payload)
        digest = chain.digest(previous, hashed)
        links.append((position, previous, payload, hashed, digest))
        previous = digest
    return links


class ChainTestCase(unittest.TestCase):

    def setUp(self):
        self.payloads = [
            chain.canonical(MODEL, 1, {'phone': '081234567890', 'state': s})
            for s in ['intake', 'subsection', 'done']]
        self.links = build(self.payloads)

    def test_untouched_chain_holds(self):
        self.assertEqual(chain.broken_links(self.links), [])

    def test_edited_content_breaks_its_link(self):
        position, previous, payload, hashed, digest = self.links[1]
        self.links[1] = (position, previous, payload.replace('0812', '0899'),
            hashed, digest)
        self.assertEqual(chain.broken_links(self.links), [2])

    def test_edited_content_digest_breaks_its_link(self):
        position, previous, payload, _, digest = self.links[1]
        forged = payload.replace('0812', '0899')
        self.links[1] = (position, previous, forged,
            chain.payload_digest(forged), digest)
        self.assertEqual(chain.broken_links(self.links), [2])

    def test_removed_link_breaks_the_chain(self):
        del self.links[1]
        self.assertTrue(chain.broken_links(self.links))

    def test_redacted_content_still_holds(self):
        "An erased past content keeps its place and digest in the chain"
        position, previous, payload, hashed, digest = self.links[0]
        marker = chain.redacted(MODEL, 1, "Masa retensi berakhir")
        self.links[0] = (position, previous, marker, hashed, digest)
        self.assertTrue(chain.is_redacted(marker))
        self.assertNotIn('081234567890', marker)
        self.assertEqual(chain.broken_links(self.links), [])

    def test_a_redaction_keeps_what_the_chain_covers(self):
        marker = chain.redacted(MODEL, 1, "x")
        position, previous, _, _, digest = self.links[1]
        self.links[1] = (position, previous, marker,
            chain.payload_digest(marker), digest)
        self.assertEqual(chain.broken_links(self.links), [2])

    def test_legacy_links_digest_their_content(self):
        "Links made before contents had their own digest still verify"
        payload = self.payloads[0]
        digest = chain.legacy_digest(None, payload)
        self.assertEqual(
            chain.broken_links([(1, None, payload, None, digest)]), [])
        self.assertEqual(chain.broken_links(
                [(1, None, payload + ' ', None, digest)]), [1])
        marker = chain.redacted(MODEL, 1, "x")
        self.assertEqual(
            chain.broken_links([(1, None, marker, None, digest)]), [1])
