// Scripts are trusted server code: lib modules marked `import "server-only"` (the marker that
// stops them from reaching a browser bundle) must load here as they do on the server. The
// marker package throws unless the "react-server" condition resolved it, which only the
// Next.js server sets; for a script it is an empty module. Import this first.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const marker = require.resolve("server-only");
require.cache[marker] ??= { id: marker, filename: marker, loaded: true, exports: {}, children: [], paths: [] } as unknown as NodeJS.Module;
