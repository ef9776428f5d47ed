/// Whether this machine can tie child processes to showrunner's life: on Linux, util-linux's `setpriv` sets their
/// parent-death signal (`ChildLaunch`). Without it they still run in their own session and are ended on timeout,
/// shutdown and before a retry, but a `kill -9` of showrunner leaves them running until then.
public enum ChildLifetime {
    public static var diesWithParent: Bool { ChildLaunch.setpriv != nil }

    /// `validate`'s warning when children cannot die with showrunner; nil when they can (or off Linux).
    public static var missingWrapperWarning: String? {
        #if os(Linux)
            diesWithParent
                ? nil
                : "setpriv (util-linux) is not on PATH: a child process such as ffmpeg can outlive showrunner when "
                    + "it is killed; install it with: apt-get install util-linux."
        #else
            nil
        #endif
    }
}
