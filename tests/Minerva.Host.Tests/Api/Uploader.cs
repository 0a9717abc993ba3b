using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Minerva.Service.Configuration;
using Minerva.Service.Storage;

namespace Minerva.Host.Tests.Api;

/// <summary>An S3 client signed with the temporary credentials of GET /import/{uuid}/credentials, as a user's uploader is.</summary>
internal static class Uploader
{
    public static IAmazonS3 From(JsonElement credentials) => S3ClientFactory.Create(
        new S3Options
        {
            Endpoint = credentials.GetProperty("endpoint").GetString()!,
            Region = credentials.GetProperty("region").GetString()!,
        },
        new SessionAWSCredentials(
            credentials.GetProperty("access_key_id").GetString(),
            credentials.GetProperty("secret_access_key").GetString(),
            credentials.GetProperty("session_token").GetString()));
}
