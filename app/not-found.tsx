import "./globals.css";
import Link from "next/link";

// Only reached for paths the locale proxy does not handle; localised 404s live under [locale].
export default function GlobalNotFound() {
  return (
    <html lang="en" dir="ltr">
      <body className="grid min-h-screen place-items-center bg-canvas p-6 text-ink">
        <main className="text-center">
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <p className="mt-2">
            <Link className="link" href="/">
              kubeclass
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
