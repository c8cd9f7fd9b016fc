// The country a merchant's phone numbers are read in when typed without a country code.
// Merchants have no country field; their time zone names it well enough for the zones shops
// are in (a number with "+" never depends on this).
import type { CountryCode } from "./identifiers";

const ZONES: Record<string, CountryCode> = {
  "Europe/London": "GB", "Europe/Dublin": "IE", "Europe/Paris": "FR", "Europe/Berlin": "DE", "Europe/Madrid": "ES",
  "Europe/Rome": "IT", "Europe/Amsterdam": "NL", "Europe/Brussels": "BE", "Europe/Lisbon": "PT", "Europe/Vienna": "AT",
  "Europe/Zurich": "CH", "Europe/Stockholm": "SE", "Europe/Oslo": "NO", "Europe/Copenhagen": "DK", "Europe/Helsinki": "FI",
  "Europe/Warsaw": "PL", "Europe/Prague": "CZ", "Europe/Athens": "GR", "Europe/Istanbul": "TR",
  "America/Toronto": "CA", "America/Vancouver": "CA", "America/Mexico_City": "MX", "America/Sao_Paulo": "BR",
  "America/Argentina/Buenos_Aires": "AR", "America/Bogota": "CO", "America/Lima": "PE", "America/Santiago": "CL",
  "Asia/Tokyo": "JP", "Asia/Seoul": "KR", "Asia/Shanghai": "CN", "Asia/Hong_Kong": "HK", "Asia/Singapore": "SG",
  "Asia/Kolkata": "IN", "Asia/Dubai": "AE", "Australia/Sydney": "AU", "Australia/Melbourne": "AU", "Pacific/Auckland": "NZ",
  "Africa/Johannesburg": "ZA", "Africa/Lagos": "NG", "Africa/Nairobi": "KE",
};

/** The default phone region for a merchant in this time zone (US for the other American zones). */
export function phoneRegionFor(timeZone: string): CountryCode | undefined {
  const known = ZONES[timeZone];
  if (known) return known;
  if (/^(America\/(New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Detroit|Indiana|Boise)|Pacific\/Honolulu)/.test(timeZone)) return "US";
  return undefined;
}
