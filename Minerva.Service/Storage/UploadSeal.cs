using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minerva.Service.Configuration;
using Minerva.Service.Records;

namespace Minerva.Service.Storage;

/// <summary>
/// Closes an import's upload prefix to the temporary credentials issued for it: at once, for every credential of that
/// import already issued or still to be asked for, and for as long as any of them could still be valid.
/// <para>
/// Credentials cannot be revoked, but every credential of an import is the same STS session principal
/// (<see cref="UploadSession"/>), and S3 lets an explicit Deny in the bucket policy win over the session policy's
/// Allow. So the bucket policy carries one statement of ours, <see cref="StatementId"/>, denying those principals
/// everything in the bucket; the service's own keys still copy, archive and delete there. Ceph RGW (Pacific)
/// evaluates it as AWS does (measured: PutObject and CreateMultipartUpload of a closed session are AccessDenied,
/// other sessions and the service unaffected). MinIO applies bucket policies to anonymous requests only and may
/// refuse named principals: an endpoint that refuses the policy is logged, not failed, and there the credential
/// lifetime (<see cref="MinervaOptions.UploadCredentialLifetime"/>) is the bound.
/// </para>
/// <para>
/// The closed sessions live in the record store, the one source of truth; the statement is rendered from it and
/// checked again after each write, so hosts closing imports at the same time end with a policy naming all of them.
/// A closed session is dropped once its credentials have all expired, which keeps the policy small (AWS allows
/// 20 KB, about 200 sessions); for a cancelled import what landed under its prefix meanwhile (a PUT already in
/// flight when it closed) is removed then. Other statements of the bucket policy are kept as they are.
/// </para>
/// </summary>
public sealed class UploadSeal(
    IAmazonS3 s3,
    IRecordStore records,
    IObjectStore objects,
    IOptions<S3Options> s3Options,
    IOptions<MinervaOptions> options,
    TimeProvider clock,
    ILogger<UploadSeal> logger)
{
    public const string StatementId = "MinervaClosedUploadSessions";

    /// <summary>Margin for clocks: S3 judges a credential's expiry by its own.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How often a write of the policy is checked against the store before leaving it to the other writers.</summary>
    private const int MaxRounds = 10;

    private string Bucket => s3Options.Value.Bucket;

    /// <summary>
    /// Closes <paramref name="prefix"/> to its upload credentials; <paramref name="sweep"/> (cancelled, expired): what
    /// lands there from a request already in flight is removed once the credentials have expired.
    /// </summary>
    public async Task CloseAsync(string prefix, bool sweep, CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + options.Value.UploadCredentialLifetime + ClockSkew;
        await records.PutUploadSealAsync(Bucket, new UploadSealRecord(UploadSession.Name(prefix), prefix, until, sweep), ct);
        await PublishAsync(ct);
    }

    /// <summary>Opens <paramref name="prefix"/> again (a completion that could not be handed to the orchestration).</summary>
    public async Task ReopenAsync(string prefix, CancellationToken ct = default)
    {
        await records.DeleteUploadSealAsync(Bucket, UploadSession.Name(prefix), ct);
        await PublishAsync(ct);
    }

    /// <summary>Drops lapsed seals (sweeping where asked) and writes the bucket policy for the ones left.</summary>
    public async Task PublishAsync(CancellationToken ct = default)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = clock.GetUtcNow();
            var seals = await records.ListUploadSealsAsync(Bucket, ct);
            foreach (var lapsed in seals.Where(s => s.Until <= now))
            {
                if (lapsed.Sweep)
                {
                    await objects.DeletePrefixAsync(lapsed.Prefix, ct);
                }

                await records.DeleteUploadSealAsync(Bucket, lapsed.Session, ct);
            }

            var closed = Live(seals, now);
            await WritePolicyAsync(closed, ct);

            // Another host may have written the policy from an older list in between; the last writer sees that here.
            if (Live(await records.ListUploadSealsAsync(Bucket, ct), now).SequenceEqual(closed))
            {
                return;
            }
        }
    }

    /// <summary>The prefixes still closed at <paramref name="now"/>, in a stable order.</summary>
    private static List<string> Live(IEnumerable<UploadSealRecord> seals, DateTimeOffset now) =>
        [.. seals.Where(s => s.Until > now).Select(s => s.Prefix).Order(StringComparer.Ordinal)];

    private async Task WritePolicyAsync(IReadOnlyList<string> closedPrefixes, CancellationToken ct)
    {
        var policy = await ReadPolicyAsync(ct);
        var statements = policy["Statement"] switch
        {
            JsonArray array => array,
            JsonObject single => [single.DeepClone()],
            _ => [],
        };
        foreach (var ours in statements.Where(s => s?["Sid"]?.GetValue<string>() == StatementId).ToList())
        {
            statements.Remove(ours);
        }

        if (closedPrefixes.Count > 0)
        {
            var role = s3Options.Value.StsRoleArn;
            statements.Add(new JsonObject
            {
                ["Sid"] = StatementId,
                ["Effect"] = "Deny",
                ["Principal"] = new JsonObject { ["AWS"] = new JsonArray([.. closedPrefixes.Select(p => JsonValue.Create(UploadSession.PrincipalArn(role, p)))]) },
                ["Action"] = "s3:*",
                ["Resource"] = new JsonArray($"arn:aws:s3:::{Bucket}", $"arn:aws:s3:::{Bucket}/*"),
            });
        }

        try
        {
            if (statements.Count == 0)
            {
                await s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = Bucket }, ct);
                return;
            }

            policy["Version"] ??= "2012-10-17";
            policy["Statement"] = statements;
            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = Bucket, Policy = policy.ToJsonString() }, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented)
        {
            logger.LogWarning(
                "The S3 endpoint refused the bucket policy that closes upload prefixes ({Code}: {Message}); credentials of completed or cancelled imports work until they expire.",
                e.ErrorCode,
                e.Message);
        }
    }

    private async Task<JsonObject> ReadPolicyAsync(CancellationToken ct)
    {
        try
        {
            // AWSSDK.S3 v4 answers RGW's 404 NoSuchBucketPolicy as a response whose "policy" is the error XML.
            var response = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = Bucket }, ct);
            return response.HttpStatusCode == HttpStatusCode.OK && !string.IsNullOrEmpty(response.Policy)
                ? JsonNode.Parse(response.Policy) as JsonObject ?? []
                : [];
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucketPolicy")
        {
            return [];
        }
    }
}
