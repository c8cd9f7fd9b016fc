// People for the demo data: a mixed, international list of names (with accents, so search and
// exports get exercised on real-world spellings), and the identifiers derived from them.
import { pick, type Rng } from "./random";

const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
  "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Ethan", "Evelyn", "Daniel", "Abigail", "Henry",
  "Emily", "Jackson", "Ella", "Samuel", "Scarlett", "Sebastian", "Grace", "David", "Chloe", "Joseph",
  "Priya", "Arjun", "Aisha", "Omar", "Fatima", "Yusuf", "Mei", "Wei", "Hana", "Kenji",
  "Sakura", "Min-jun", "Ji-woo", "Nguyen", "Linh", "Kwame", "Amara", "Chidi", "Zainab", "Tariq",
  "José", "María", "Sofía", "Andrés", "Lucía", "Martín", "Valentina", "Diego", "Camila", "Joaquín",
  "Zoë", "Chloé", "Renée", "Anaïs", "Noël", "Maëlle", "Léa", "Théo", "Élodie", "Jérôme",
  "Björn", "Søren", "Åsa", "Jürgen", "Lena", "Matthias", "Siobhán", "Seán", "Niamh", "Oisín",
  "Zofia", "Łukasz", "Ana", "Ivan", "Ines", "João", "Mariana", "Gonçalo", "Aylin", "Emre",
];

const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
  "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
  "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
  "Patel", "Shah", "Khan", "Singh", "Chen", "Wang", "Li", "Kim", "Park", "Tanaka",
  "Sato", "Nguyen", "Tran", "Okafor", "Mensah", "Haddad", "Rahman", "Ali", "Cohen", "Levi",
  "Núñez", "García", "Martínez", "López", "Hernández", "González", "Pérez", "Sánchez", "Ramírez", "Gómez",
  "Brontë", "Dubois", "Lefèvre", "Moreau", "Girard", "Müller", "Schäfer", "Weiß", "Köhler", "Groß",
  "Sørensen", "Ångström", "Lindqvist", "O'Brien", "O'Connor", "Ó Súilleabháin", "MacLeod", "Kowalski", "Wiśniewski", "Dvořák",
  "Gonçalves", "Araújo", "Çelik", "Yılmaz", "Öztürk", "Ivanova", "Petrović", "Nowak", "Rossi", "Bianchi",
];

// Letters that Unicode decomposition does not reduce to plain ASCII.
const FOLD: Record<string, string> = { ø: "o", æ: "ae", ß: "ss", ł: "l", đ: "d", ı: "i", œ: "oe", å: "a" };

/** "Zoë Brontë" → "zoe.bronte": what people actually type for their email address. */
export function emailLocalPart(first: string, last: string): string {
  const fold = (value: string) =>
    value
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[øæßłđıœå]/g, (ch) => FOLD[ch] ?? "")
      .replace(/[^a-z0-9]/g, "");
  return `${fold(first)}.${fold(last)}`;
}

export interface PersonName {
  first: string;
  last: string;
}

export function randomPerson(rng: Rng): PersonName {
  return { first: pick(rng, FIRST_NAMES), last: pick(rng, LAST_NAMES) };
}

const SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // as lib/events/resolve-customers.ts: no 0/O, 1/I
const SERIAL_MASK = (1n << 40n) - 1n; // 8 characters × 5 bits

/**
 * The pass serial of the n-th customer: a bijection of n scrambled across 2^40 values, so serials
 * look random yet can never collide (random draws would, with 1M customers in a 2^40 space).
 * Odd multipliers and xor-shifts are each invertible modulo 2^40; alternating them lets every
 * input bit reach every output character.
 */
export function passSerial(prefix: string, ordinal: number, salt: number): string {
  let x = (BigInt(ordinal) + BigInt(salt)) & SERIAL_MASK;
  x = (x * 0x9e3779b97n) & SERIAL_MASK;
  x ^= x >> 19n;
  x = (x * 0xc2b2ae3d27n) & SERIAL_MASK;
  x ^= x >> 21n;
  x = (x * 0x85ebca6bn) & SERIAL_MASK;
  x ^= x >> 20n;
  let body = "";
  for (let i = 0; i < 8; i++) {
    body = SERIAL_ALPHABET[Number(x & 31n)] + body;
    x >>= 5n;
  }
  return `${prefix}-${body}`;
}
