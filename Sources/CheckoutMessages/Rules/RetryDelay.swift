/// How a retry delay reaches the customer: whole seconds under a minute (`afterSeconds`), whole minutes
/// from a minute on (`afterMinutes`, rounded up: 90 seconds read as 2 minutes). Delays arrive already
/// rounded up to whole seconds; zero means no delay, so neither argument is supplied.
enum RetryDelay {
    /// The longest delay a caller may suggest; a longer one is unusable and the outcome's default applies.
    static let maximumSeconds: Double = 86_400
    static let secondsPerMinute: Double = 60

    /// The delay as `afterSeconds`, when it is under a minute.
    static func seconds(_ delay: Double) -> Int64? {
        delay > 0 && delay < secondsPerMinute ? Int64(delay) : nil
    }

    /// The delay as `afterMinutes`, when it is a minute or more.
    static func minutes(_ delay: Double) -> Int64? {
        delay >= secondsPerMinute ? Int64((delay / secondsPerMinute).rounded(.up)) : nil
    }
}
