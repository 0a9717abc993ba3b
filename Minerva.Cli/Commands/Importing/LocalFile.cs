using Minerva.Cli.Upload;

namespace Minerva.Cli.Commands.Importing;

/// <summary>A file given to <c>minerva import</c>, with its content hash once computed.</summary>
internal sealed record LocalFile(string Name, FileFingerprint Fingerprint, string Sha256Base64)
{
    public string FullPath => Fingerprint.FullPath;

    public long Size => Fingerprint.Size;
}
