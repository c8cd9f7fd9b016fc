-- The merchant's country (ISO 3166-1 alpha-2): the default region for phone numbers written
-- without a country code ("(646) 555-0458" is +16465550458 for a shop in the US). Set when a
-- merchant is created; existing merchants get the country of their time zone where it names one
-- (only this backfill guesses from the zone), else NULL: then only numbers written with +country
-- code are read as phones.

-- AlterTable
ALTER TABLE "merchants" ADD COLUMN "country" VARCHAR(2);

-- Backfill
UPDATE "merchants" SET "country" = CASE
  WHEN "time_zone" IN ('America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix',
    'America/Anchorage', 'America/Detroit', 'America/Boise', 'America/Juneau', 'Pacific/Honolulu')
    OR "time_zone" LIKE 'America/Indiana/%' OR "time_zone" LIKE 'America/Kentucky/%' OR "time_zone" LIKE 'America/North_Dakota/%' OR "time_zone" LIKE 'US/%' THEN 'US'
  WHEN "time_zone" IN ('America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax',
    'America/St_Johns', 'America/Regina', 'America/Moncton') OR "time_zone" LIKE 'Canada/%' THEN 'CA'
  WHEN "time_zone" IN ('America/Mexico_City', 'America/Monterrey', 'America/Cancun', 'America/Tijuana') THEN 'MX'
  WHEN "time_zone" = 'America/Sao_Paulo' THEN 'BR'
  WHEN "time_zone" = 'America/Argentina/Buenos_Aires' THEN 'AR'
  WHEN "time_zone" IN ('Europe/London', 'GB') THEN 'GB'
  WHEN "time_zone" = 'Europe/Dublin' THEN 'IE'
  WHEN "time_zone" = 'Europe/Paris' THEN 'FR'
  WHEN "time_zone" = 'Europe/Berlin' THEN 'DE'
  WHEN "time_zone" = 'Europe/Madrid' THEN 'ES'
  WHEN "time_zone" = 'Europe/Rome' THEN 'IT'
  WHEN "time_zone" = 'Europe/Amsterdam' THEN 'NL'
  WHEN "time_zone" = 'Europe/Brussels' THEN 'BE'
  WHEN "time_zone" = 'Europe/Zurich' THEN 'CH'
  WHEN "time_zone" = 'Europe/Vienna' THEN 'AT'
  WHEN "time_zone" = 'Europe/Stockholm' THEN 'SE'
  WHEN "time_zone" = 'Europe/Oslo' THEN 'NO'
  WHEN "time_zone" = 'Europe/Copenhagen' THEN 'DK'
  WHEN "time_zone" = 'Europe/Helsinki' THEN 'FI'
  WHEN "time_zone" = 'Europe/Lisbon' THEN 'PT'
  WHEN "time_zone" = 'Europe/Warsaw' THEN 'PL'
  WHEN "time_zone" = 'Europe/Prague' THEN 'CZ'
  WHEN "time_zone" = 'Europe/Athens' THEN 'GR'
  WHEN "time_zone" LIKE 'Australia/%' THEN 'AU'
  WHEN "time_zone" = 'Pacific/Auckland' THEN 'NZ'
  WHEN "time_zone" = 'Asia/Tokyo' THEN 'JP'
  WHEN "time_zone" = 'Asia/Singapore' THEN 'SG'
  WHEN "time_zone" = 'Asia/Hong_Kong' THEN 'HK'
  WHEN "time_zone" IN ('Asia/Kolkata', 'Asia/Calcutta') THEN 'IN'
  WHEN "time_zone" = 'Asia/Dubai' THEN 'AE'
  WHEN "time_zone" = 'Africa/Johannesburg' THEN 'ZA'
  ELSE NULL
END;
