using Minerva.Testing.Services;

namespace Minerva.Testing.Conformance;

/// <summary>The suite's two users, named afresh per host (every host's records share one Azurite).</summary>
public sealed record ApiUsers(string AliceKey, string AliceUser, string BobKey, string BobUser)
{
    public static ApiUsers New() => new(
        "conformance-alice-" + Guid.NewGuid().ToString("N"),
        "alice-" + Guid.NewGuid().ToString("N"),
        "conformance-bob-" + Guid.NewGuid().ToString("N"),
        "bob-" + Guid.NewGuid().ToString("N"));

    /// <summary>A host's settings: the local services with its own bucket and task hub, these users, and small tiles so the test image fans out.</summary>
    public IEnumerable<KeyValuePair<string, string?>> HostSettings(LocalServices services) =>
        services.HostSettings(LocalServices.NewBucketName()).Concat(new Dictionary<string, string?>
        {
            [$"Minerva:ApiKeys:{AliceKey}"] = AliceUser,
            [$"Minerva:ApiKeys:{BobKey}"] = BobUser,
            ["Minerva:Tiling:ChunkSize"] = "128",
            ["Minerva:Tiling:RegionBytes"] = "131072",
            ["Logging:LogLevel:Default"] = "Warning",
        });
}
