/// A base resolver and its brands' resolvers by name: what a service builds once and shares across tasks.
///
/// ```swift
/// let base = try Resolver(catalog: try MessageCatalog.embedded())
/// let resolvers = try BrandedResolvers(base: base, brands: [BrandName(rawValue: "acme")!: try BrandSource(directory: "brands/acme")])
/// let resolution = try resolvers.resolver(for: "acme").resolve(error, locale: "de")
/// ```
public struct BrandedResolvers: Sendable {
    /// The resolver of requests that name no brand.
    public let base: Resolver
    /// Each brand's resolver.
    public let brands: [BrandName: Resolver]

    /// Builds every brand over `base`. Throws if any brand has errors, with each failing brand's findings.
    public init(base: Resolver, brands: [BrandName: BrandSource]) throws(BrandsError) {
        var resolvers: [BrandName: Resolver] = [:]
        var failures: [BrandName: BrandError] = [:]
        for (name, source) in brands {
            do {
                resolvers[name] = try base.branded(source)
            } catch {
                failures[name] = error
            }
        }
        guard failures.isEmpty else { throw BrandsError(failures: failures) }
        self.init(base: base, resolvers: resolvers)
    }

    /// Pairs resolvers already built.
    public init(base: Resolver, resolvers: [BrandName: Resolver]) {
        self.base = base
        self.brands = resolvers
    }

    /// The resolver for a request's brand: the base for nil, else the brand's.
    public func resolver(for brand: String?) throws(BrandLookupError) -> Resolver {
        guard let brand else { return base }
        guard let name = BrandName(rawValue: brand) else { throw .invalidName(brand) }
        guard let resolver = brands[name] else { throw .unknown(name) }
        return resolver
    }
}

/// Why a request's brand has no resolver.
public enum BrandLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not `[a-z0-9-]{1,64}`.
    case invalidName(String)
    /// A well-formed name no brand has.
    case unknown(BrandName)

    public var description: String {
        switch self {
        case .invalidName: "a brand name is \(BrandName.rule)"
        case .unknown(let name): "there is no brand \(name)"
        }
    }
}

/// Some brands could not be built; each failing brand with its findings.
public struct BrandsError: Error, Sendable, CustomStringConvertible {
    public let failures: [BrandName: BrandError]

    /// Creates an error.
    public init(failures: [BrandName: BrandError]) {
        self.failures = failures
    }

    public var description: String {
        failures.sorted { $0.key < $1.key }.map { "brand \($0.key):\n\($0.value)" }.joined(separator: "\n")
    }
}
