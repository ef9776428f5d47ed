/// The git commit of this build: `scripts/package.sh` replaces this line while it builds, then restores it.
let buildCommit = "unknown"
