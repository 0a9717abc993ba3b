namespace Minerva.Testing.Services;

/// <summary>A running S3 endpoint and its admin keys, as the project's s3-start.sh prints them (S3_*=value lines).</summary>
public sealed record S3Endpoint(string Endpoint, string AccessKey, string SecretKey, string Region, string StsRoleArn)
{
    public static S3Endpoint Parse(IEnumerable<string> lines)
    {
        var values = lines
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim().Trim('"', '\''));
        string Value(string name) => values.TryGetValue(name, out var v)
            ? v
            : throw new InvalidOperationException($"The S3 environment lacks {name} (got: {string.Join(", ", values.Keys)}).");
        return new S3Endpoint(Value("S3_ENDPOINT"), Value("S3_ACCESS_KEY"), Value("S3_SECRET_KEY"), Value("S3_REGION"), Value("S3_STS_ROLE_ARN"));
    }
}
