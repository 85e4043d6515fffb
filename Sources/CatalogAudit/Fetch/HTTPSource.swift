import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How politely and how far the live site is fetched.
public struct FetchPolicy: Sendable {
    /// Sent with every request, naming gkml so that site owners can see who visits (ASCII, as HTTP headers must be).
    public var userAgent = "gkml-audit/1 (+https://gkml.example/docs/audit.md)"
    /// Requests in flight to one host at a time.
    public var perHostConcurrency = 2
    /// Seconds between the starts of two requests to one host.
    public var delay: Double = 0.5
    /// Seconds before a request is given up.
    public var timeout: Double = 15
    /// Extra tries after a timeout, a network error or a 5xx answer.
    public var retries = 1
    /// Pages of one column's list that are read (the first and up to this many more).
    public var pageLimit = 5
    /// Requests in the whole audit, robots.txt included.
    public var maxRequests = 2000
    /// Seconds the whole audit may spend fetching.
    public var maxDuration: Double = 900

    public init() {}
}

/// The live site over HTTP(S) with URLSession: robots.txt honoured, per-host concurrency and delay, a timeout
/// and one retry, redirects followed only within the host, and an overall budget.
public final class HTTPSource: PageSource, @unchecked Sendable {
    let policy: FetchPolicy
    let session: URLSession
    let gate: HostGate
    private let redirects = RedirectGuard()
    private let lock = NSLock()
    private var robots: [String: Task<RobotsRules, Never>] = [:]

    public init(policy: FetchPolicy = FetchPolicy()) {
        self.policy = policy
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout * 2
        configuration.httpAdditionalHeaders = ["User-Agent": policy.userAgent, "Accept": "text/html,*/*;q=0.5"]
        configuration.httpMaximumConnectionsPerHost = policy.perHostConcurrency
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: redirects, delegateQueue: nil)
        gate = HostGate(
            concurrency: policy.perHostConcurrency, delay: policy.delay,
            maxRequests: policy.maxRequests, deadline: Date().addingTimeInterval(policy.maxDuration))
    }

    deinit { session.invalidateAndCancel() }

    /// The number of requests sent so far.
    public func requestCount() async -> Int { await gate.requests }

    public func fetch(_ url: URL) async -> Result<FetchedPage, FetchFailure> {
        guard let host = url.host else { return .failure(.network("no host in \(url)")) }
        let rules = await robotsRules(for: url)
        guard rules.allows(Self.pathAndQuery(url)) else { return .failure(.robots) }
        var current = url
        // Redirects are followed here, not by URLSession (whose Linux version drops a trailing slash from the
        // Location, looping on /column → /column/), and only within the host.
        for _ in 0..<5 {
            let result = await get(current, host: Self.hostKey(current), attempt: 0, hostName: host)
            guard case .failure(.offsiteRedirect(let location)) = result, let next = URL(string: location) else {
                return result
            }
            guard Self.hostKey(next) == Self.hostKey(url) else { return result }
            guard rules.allows(Self.pathAndQuery(next)) else { return .failure(.robots) }
            current = next
        }
        return .failure(.network("too many redirects"))
    }

    static func hostKey(_ url: URL) -> String {
        "\(url.scheme ?? "http")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")"
    }

    static func pathAndQuery(_ url: URL) -> String {
        let path = url.path.isEmpty ? "/" : url.path
        return url.query.map { "\(path)?\($0)" } ?? path
    }

    private func get(_ url: URL, host: String, attempt: Int, hostName: String) async -> Result<
        FetchedPage, FetchFailure
    > {
        guard await gate.enter(host) else { return .failure(.budget) }
        let outcome = await send(url)
        await gate.leave(host)
        switch outcome {
        case .success(let (page, status)):
            if (300..<400).contains(status) {
                return .failure(.offsiteRedirect(page.url.absoluteString))
            }
            if status >= 500, attempt < policy.retries {
                return await get(url, host: host, attempt: attempt + 1, hostName: hostName)
            }
            if status >= 400 { return .failure(.status(status)) }
            return .success(page)
        case .failure(let failure):
            if attempt < policy.retries, failure == .timeout || { if case .network = failure { true } else { false } }()
            {
                return await get(url, host: host, attempt: attempt + 1, hostName: hostName)
            }
            return .failure(failure)
        }
    }

    private func send(_ url: URL) async -> Result<(FetchedPage, Int), FetchFailure> {
        var request = URLRequest(url: url)
        request.timeoutInterval = policy.timeout
        return await withCheckedContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                if let error = error as? URLError {
                    continuation.resume(
                        returning: .failure(error.code == .timedOut ? .timeout : .network(error.localizedDescription)))
                    return
                }
                if let error {
                    continuation.resume(returning: .failure(.network(error.localizedDescription)))
                    return
                }
                guard let http = response as? HTTPURLResponse else {
                    continuation.resume(returning: .failure(.network("no HTTP response")))
                    return
                }
                var target = http.url ?? url
                if (300..<400).contains(http.statusCode), let location = http.value(forHTTPHeaderField: "Location") {
                    target = URL(string: location, relativeTo: url)?.absoluteURL ?? target
                }
                let page = FetchedPage(
                    url: target, data: data ?? Data(), contentType: http.value(forHTTPHeaderField: "Content-Type"))
                continuation.resume(returning: .success((page, http.statusCode)))
            }
            task.resume()
        }
    }

    /// robots.txt of the URL's host, fetched once (through the same gate); missing or unreadable means allowed.
    private func robotsRules(for url: URL) async -> RobotsRules {
        let key = Self.hostKey(url)
        let task: Task<RobotsRules, Never> = lock.withLock {
            if let existing = robots[key] { return existing }
            let created = Task { [self] in
                guard let robotsURL = URL(string: "\(key)/robots.txt") else { return RobotsRules.allowAll }
                let result = await get(robotsURL, host: key, attempt: 0, hostName: url.host ?? "")
                guard case .success(let page) = result else { return RobotsRules.allowAll }
                return RobotsRules(text: String(decoding: page.data, as: UTF8.self), agent: "gkml")
            }
            robots[key] = created
            return created
        }
        return await task.value
    }
}

/// Stops URLSession from following redirects, so that the 3xx answer and its Location reach `HTTPSource`.
final class RedirectGuard: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        // Never followed by URLSession: HTTPSource.fetch follows same-host redirects itself.
        completionHandler(nil)
    }
}

/// Per-host admission: at most `concurrency` requests in flight per host, starts spaced by `delay`, and a
/// budget of requests and time across all hosts.
actor HostGate {
    let concurrency: Int
    let delay: Double
    let maxRequests: Int
    let deadline: Date
    private(set) var requests = 0
    private var inFlight: [String: Int] = [:]
    private var nextStart: [String: Date] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(concurrency: Int, delay: Double, maxRequests: Int, deadline: Date) {
        self.concurrency = max(1, concurrency)
        self.delay = delay
        self.maxRequests = maxRequests
        self.deadline = deadline
    }

    /// Waits for a slot; false when the budget is spent.
    func enter(_ host: String) async -> Bool {
        while inFlight[host, default: 0] >= concurrency {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        }
        guard requests < maxRequests, Date() < deadline else { return false }
        requests += 1
        inFlight[host, default: 0] += 1
        let now = Date()
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start.addingTimeInterval(delay)
        let wait = start.timeIntervalSince(now)
        if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
        return true
    }

    func leave(_ host: String) {
        inFlight[host, default: 1] -= 1
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        }
    }
}
