using System.Net.Http.Headers;
using System.Text;

namespace Minerva.Host.Tests.Api;

/// <summary>multipart/form-data bodies written byte by byte, so tests can also send them cut, malformed or slowly.</summary>
internal static class MultipartBody
{
    public const string Boundary = "minerva-test-boundary";

    /// <summary>The description part of one file and its content part, as POST /import/{uuid}/files expects them.</summary>
    public static (string Name, byte[] Content)[] File(string part, string id, byte[] content) =>
        [(part, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","type":"image"}""")), ($"{part}-file", content)];

    /// <summary>The whole body, closing boundary included.</summary>
    public static byte[] Build(IEnumerable<(string Name, byte[] Content)> parts, string boundary = Boundary)
    {
        var body = new MemoryStream();
        foreach (var (name, content) in parts)
        {
            body.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return body.ToArray();
    }

    public static ByteArrayContent Content(byte[] body, string boundary = Boundary)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>
    /// A body whose first <paramref name="sent"/> bytes go out at once and the rest only when <see cref="GatedContent.Release"/>
    /// is completed: the server has begun the request and holds it open meanwhile.
    /// </summary>
    public static GatedContent Gated(byte[] body, int sent) => new(body, sent);

    internal sealed class GatedContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly int _sent;

        public GatedContent(byte[] body, int sent)
        {
            _body = body;
            _sent = sent;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        /// <summary>Completed: the rest of the body is sent. Faulted: the request is abandoned midway.</summary>
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, _sent));
            await stream.FlushAsync();
            await Release.Task;
            await stream.WriteAsync(_body.AsMemory(_sent));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
