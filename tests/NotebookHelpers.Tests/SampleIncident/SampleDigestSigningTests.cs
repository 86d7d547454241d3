using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using NotebookHelpers.Integrity;
using NotebookHelpers.SampleIncident;
using NotebookHelpers.SampleIncident.Randomness;
using NotebookHelpers.Tests.Support;

namespace NotebookHelpers.Tests.SampleIncident;

/// <summary>The sample's digests are signed as CloudTrail signs them, with a key pair the generator derives from its seed.</summary>
[Collection(GeneratedSampleCollection.Name)]
public sealed class SampleDigestSigningTests(GeneratedSampleFixture generated)
{
    private static string Committed => Path.Combine(RepositoryPaths.DataSamples, "sample-incident");

    private static SampleIncidentFiles Files => SampleIncidentFiles.Instance;

    [Fact]
    public void TheSameSeedMaterialGivesTheSameKeyPairTwiceAndOtherMaterialAnother()
    {
        var first = DeterministicRsaKey.Create("seed material A");
        var again = DeterministicRsaKey.Create("seed material A");
        var other = DeterministicRsaKey.Create("seed material B");

        Assert.Equal(first.Modulus, again.Modulus);
        Assert.Equal(first.D, again.D);
        Assert.NotEqual(first.Modulus, other.Modulus);
        Assert.Equal(256, first.Modulus!.Length);
        Assert.True((first.Modulus[0] & 0x80) != 0, "the modulus has exactly 2048 bits");
    }

    [Fact]
    public void TheCachedKeyPairIsTheDerivedOneSharedByConcurrentCallersAndEachCallerOwnsItsCopy()
    {
        var derived = DeterministicRsaKey.Create("seed material C");

        var concurrent = Enumerable.Range(0, 4).AsParallel().Select(_ => DeterministicRsaKey.For("seed material C")).ToArray();
        concurrent[0].D![0] ^= 0xFF;
        var later = DeterministicRsaKey.For("seed material C");

        Assert.All(concurrent.Skip(1).Append(later), key =>
        {
            Assert.Equal(derived.Modulus, key.Modulus);
            Assert.Equal(derived.D, key.D);
            Assert.Equal(derived.InverseQ, key.InverseQ);
        });
        Assert.NotEqual(DeterministicRsaKey.For("seed material A").Modulus, later.Modulus);
    }

    [Fact]
    public void TheDerivedKeyPairIsAWorkingRsaKeyWhosePrimesPassAnIndependentCheck()
    {
        var parameters = DeterministicRsaKey.Create("seed material A");
        using var rsa = RSA.Create(parameters);
        var data = "2025-03-11T01:17:43Z\nbucket/key\nabc\nnull"u8.ToArray();

        var signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        using var publicOnly = RSA.Create();
        publicOnly.ImportRSAPublicKey(rsa.ExportRSAPublicKey(), out _);
        Assert.True(publicOnly.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var p = new BigInteger(parameters.P, isUnsigned: true, isBigEndian: true);
        var q = new BigInteger(parameters.Q, isUnsigned: true, isBigEndian: true);
        Assert.Equal(new BigInteger(parameters.Modulus, isUnsigned: true, isBigEndian: true), p * q);
        // Fermat with fixed bases, not the generator's Miller-Rabin: a composite would fail at least one.
        foreach (var prime in new[] { p, q })
        {
            Assert.All(new BigInteger[] { 2, 3, 5, 7, 11, 13 }, a => Assert.True(BigInteger.ModPow(a, prime - 1, prime).IsOne));
        }
    }

    [Fact]
    public void TheCommittedPublicKeyIsLabelledAsTheSamplesAndIsTheKeyTheGeneratorDerivesAgain()
    {
        var committed = File.ReadAllText(Path.Combine(Committed, SampleIncidentGenerator.PublicKeysFile));
        var regenerated = File.ReadAllText(Path.Combine(generated.DefaultSeed, SampleIncidentGenerator.PublicKeysFile));
        var otherSeed = File.ReadAllText(Path.Combine(generated.OtherSeed, SampleIncidentGenerator.PublicKeysFile));

        Assert.Equal(committed, regenerated);
        Assert.NotEqual(committed, otherSeed);
        Assert.Contains("NOT an AWS key", committed, StringComparison.Ordinal);
        var keys = PublicKeySet.Empty;
        keys.Add(Encoding.UTF8.GetBytes(committed), "committed");
        Assert.Empty(keys.Problems);
        var key = Assert.Single(keys.Keys);
        Assert.Equal(key.Fingerprint, Files.AnswerKey.GetProperty("trailTampering").GetProperty("digestSigningKey").GetProperty("fingerprint").GetString());
        using var rsa = key.ImportRsa();
        Assert.Equal(2048, rsa.KeySize);
    }

    [Fact]
    public void TheSampleValidatesExceptForTheLogObjectItsStoryDeleted()
    {
        var keys = PublicKeySet.Load([Path.Combine(Committed, SampleIncidentGenerator.PublicKeysFile)]);

        var report = TrailIntegrityValidator.Validate(Path.Combine(Committed, SampleIncidentGenerator.TrailFolder), new TrailIntegrityOptions { PublicKeys = keys });

        var deleted = Assert.Single(Files.AnswerKey.GetProperty("trailTampering").GetProperty("deletedLogObjects").EnumerateArray());
        var problem = Assert.Single(report.Problems);
        Assert.Equal((IntegrityFileKind.LogFile, IntegrityStatus.Missing), (problem.Kind, problem.Status));
        Assert.Equal(deleted.GetProperty("key").GetString(), problem.Path);
        Assert.Equal(deleted.GetProperty("listedByDigest").GetString(), problem.Digest);
        Assert.Equal(Files.DigestObjects.Count, report.Files.Count(f => f.Kind == IntegrityFileKind.Digest && f.Status == IntegrityStatus.Valid));
        Assert.Empty(report.Gaps);
        Assert.False(report.IsChainBroken);
        Assert.All(report.Chains, c => Assert.Equal(24, c.ValidDigests));
    }

    [Fact]
    public void AnotherSeedValidatesWithItsOwnKeyExceptTheObjectItsStoryDeleted()
    {
        var keys = PublicKeySet.Load([Path.Combine(generated.OtherSeed, SampleIncidentGenerator.PublicKeysFile)]);

        var report = TrailIntegrityValidator.Validate(Path.Combine(generated.OtherSeed, SampleIncidentGenerator.TrailFolder), new TrailIntegrityOptions { PublicKeys = keys });

        var problem = Assert.Single(report.Problems);
        Assert.Equal((IntegrityFileKind.LogFile, IntegrityStatus.Missing), (problem.Kind, problem.Status));
        Assert.All(report.Chains, c => Assert.Equal(24, c.ValidDigests));
    }

    [Fact]
    public void TheRecordsOfTheDeletedObjectAreStillInTheCloudWatchCopyAndTheOtherAccountsCopyOfTheCall()
    {
        var deleted = Assert.Single(Files.AnswerKey.GetProperty("trailTampering").GetProperty("deletedLogObjects").EnumerateArray());
        var lost = Assert.Single(deleted.GetProperty("recordsLost").EnumerateArray());
        var id = lost.GetProperty("eventId").GetString()!;

        Assert.DoesNotContain(id, Files.Trail.Keys);
        Assert.Contains(id, Files.CloudWatch.Keys);
        var shared = SampleIncidentFiles.Parse(Files.CloudWatch[id].Json).GetProperty("sharedEventID").GetString();
        Assert.Contains(Files.Trail.Values, t => t.Json.Contains(shared!, StringComparison.Ordinal) && t.ObjectPath.Contains("/562048731905/", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Committed, SampleIncidentGenerator.TrailFolder, deleted.GetProperty("key").GetString()!)));
    }
}
