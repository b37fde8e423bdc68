import fs from "node:fs";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

function linkedModules() {
  const modules = path.join(process.cwd(), "node_modules");
  return fs.existsSync(modules) && fs.lstatSync(modules).isSymbolicLink();
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or binary-spawning packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/client", "@prisma/adapter-better-sqlite3", "esbuild", "mdx-bundler"],
  // Lesson and message files are read at request time; ship them with the server output.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // A scratch copy of the project may borrow node_modules through a symlink; the bundler
  // resolves packages only under its root, so the root widens to take the link's target in.
  ...(linkedModules() ? { turbopack: { root: path.parse(process.cwd()).root } } : {}),
};

export default withNextIntl(nextConfig);
