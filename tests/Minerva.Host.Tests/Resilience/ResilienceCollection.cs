using Minerva.Testing.Services;

namespace Minerva.Host.Tests.Resilience;

/// <summary>
/// The resilience tests: one at a time (each starts host processes of its own and some stop servers of their own),
/// beside the other tests of the assembly. Much of their time is spent waiting out retries and lease expiries.
/// Every host has its own task hub, record tables and bucket on the shared services, so nothing crosses over.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<LocalServices>
{
    public const string Name = "Resilience";
}
