using Minerva.Host.Tests.Import;
using Xunit.Abstractions;

namespace Minerva.Host.Tests.Resilience;

/// <summary>What every resilience test has: its test files, how long an import may take, where to report what it measured.</summary>
public abstract class ResilienceTest(ITestOutputHelper output) : IDisposable
{
    /// <summary>Long enough for an import through a crash, an outage or a lease expiry on two busy cores.</summary>
    protected static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Where a test prints what it measured (recovery times, retries, log counts).</summary>
    protected ITestOutputHelper Output { get; } = output;

    internal TestFiles Files { get; } = new();

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
