//! What a file looked like when it was loaded, to tell whether another writer changed it since.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::model::{self, LoadError, Org};

/// Size, modification time and content hash of a file as it was read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// Modification time as (seconds, nanoseconds) since the Unix epoch, when known.
    pub modified: Option<(u64, u32)>,
    /// FNV-1a 64-bit hash of the content.
    pub hash: u64,
}

impl Fingerprint {
    /// As kept in a recovery file: `{"len", "modified": [secs, nanos] | null, "fnv1a": hex}`.
    pub(crate) fn to_json(self) -> serde_json::Value {
        use serde_json::{Map, Value};
        let mut m = Map::new();
        m.insert("len".into(), Value::from(self.len));
        let modified = self.modified.map_or(Value::Null, |(s, ns)| {
            Value::Array(vec![Value::from(s), Value::from(ns)])
        });
        m.insert("modified".into(), modified);
        m.insert("fnv1a".into(), Value::from(format!("{:016x}", self.hash)));
        Value::Object(m)
    }

    /// Reads [`Fingerprint::to_json`]'s form back; `None` when it is not that.
    pub(crate) fn from_json(v: &serde_json::Value) -> Option<Fingerprint> {
        let len = v.get("len")?.as_u64()?;
        let hash = u64::from_str_radix(v.get("fnv1a")?.as_str()?, 16).ok()?;
        let modified = v
            .get("modified")
            .and_then(serde_json::Value::as_array)
            .and_then(|a| {
                let secs = a.first()?.as_u64()?;
                let nanos = u32::try_from(a.get(1)?.as_u64()?).ok()?;
                Some((secs, nanos))
            });
        Some(Fingerprint {
            len,
            modified,
            hash,
        })
    }

    /// The fingerprint of content as read or written, with the file's metadata.
    pub fn of(bytes: &[u8], meta: Option<&std::fs::Metadata>) -> Fingerprint {
        Fingerprint::with_hash(bytes.len() as u64, fnv1a(bytes), meta)
    }

    /// The fingerprint of content of `len` bytes hashed as it was written ([`fnv1a_more`]).
    pub fn with_hash(len: u64, hash: u64, meta: Option<&std::fs::Metadata>) -> Fingerprint {
        let modified = meta
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| (d.as_secs(), d.subsec_nanos()));
        Fingerprint {
            len,
            modified,
            hash,
        }
    }
}

/// The FNV-1a 64-bit hash of some bytes: fast, and enough to tell two versions of a file apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_more(FNV1A_START, bytes)
}

/// The FNV-1a hash of nothing, where [`fnv1a_more`] starts.
pub const FNV1A_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues an FNV-1a hash with more bytes: `fnv1a_more(fnv1a(a), b) == fnv1a(a ++ b)`.
pub fn fnv1a_more(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A writer that hashes ([`fnv1a`]) and counts what goes through it, so a file written as a
/// stream gets the same [`Fingerprint`] as one written from a whole buffer.
pub(super) struct Hashing<W> {
    inner: W,
    /// Bytes written so far.
    pub len: u64,
    /// Their FNV-1a hash.
    pub hash: u64,
}

impl<W: std::io::Write> Hashing<W> {
    pub(super) fn new(inner: W) -> Hashing<W> {
        Hashing {
            inner,
            len: 0,
            hash: FNV1A_START,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        let done = buf.get(..n).unwrap_or(buf);
        self.hash = fnv1a_more(self.hash, done);
        self.len += done.len() as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// How a file differs from its fingerprint.
#[derive(Debug, thiserror::Error)]
pub enum Changed {
    /// The file is gone.
    #[error("it no longer exists")]
    Missing,
    /// The file cannot be read any more.
    #[error("it cannot be read: {0}")]
    Unreadable(#[source] std::io::Error),
    /// Its size differs.
    #[error("its size changed from {was} to {now} bytes")]
    Resized {
        /// Size at load.
        was: u64,
        /// Size now.
        now: u64,
    },
    /// Same size, other content.
    #[error("its content changed")]
    Content,
    /// Something else is there now (a folder, a FIFO, ...).
    #[error("it is now {0}, not a file")]
    NotAFile(&'static str),
}

/// Checks that a file still holds the content it had when `fingerprint` was taken.
///
/// Only the content counts: a file touched or rewritten with the same bytes is unchanged,
/// and a file rewritten with other bytes of the same size and the same time is changed.
pub fn check_unchanged(path: &Path, fingerprint: &Fingerprint) -> Result<(), Changed> {
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Changed::Missing,
        _ => Changed::Unreadable(e),
    };
    let mut file = File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Changed::NotAFile(super::atomic::kind_of(&meta)));
    }
    let now = meta.len();
    if now != fingerprint.len {
        return Err(Changed::Resized {
            was: fingerprint.len,
            now,
        });
    }
    let mut bytes = Vec::with_capacity(now as usize);
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 != fingerprint.len {
        return Err(Changed::Resized {
            was: fingerprint.len,
            now: bytes.len() as u64,
        });
    }
    if fnv1a(&bytes) != fingerprint.hash {
        return Err(Changed::Content);
    }
    Ok(())
}

/// Reads a file of at most `max_bytes` and fingerprints the very bytes read.
pub fn read_tracked(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, Fingerprint), LoadError> {
    let (bytes, meta) = read_limited(path, max_bytes)?;
    let fingerprint = Fingerprint::of(&bytes, Some(&meta));
    Ok((bytes, fingerprint))
}

/// Reads a file of at most `max_bytes`, with its metadata.
fn read_limited(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, std::fs::Metadata), LoadError> {
    let name = path.display().to_string();
    let io = |source| LoadError::Io {
        file: name.clone(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("it is a folder")));
    }
    let too_large = |size: String| LoadError::TooLarge {
        file: name.clone(),
        size,
        limit: max_bytes,
    };
    if meta.len() > max_bytes {
        return Err(too_large(format!("{} bytes", meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large("more".into()));
    }
    Ok((bytes, meta))
}

/// Loads an org file and the fingerprint of the bytes it was parsed from.
pub fn load_tracked(path: &Path, max_bytes: u64) -> Result<(Org, Fingerprint), LoadError> {
    let (bytes, meta) = read_limited(path, max_bytes)?;
    // The hash of a large file takes a third of the parse's time: both at once (the screen's
    // first frame waits for them).
    let (org, fingerprint) = std::thread::scope(|scope| {
        let hash = scope.spawn(|| Fingerprint::of(&bytes, Some(&meta)));
        let org = model::from_bytes(&path.display().to_string(), &bytes);
        let fingerprint = hash
            .join()
            .unwrap_or_else(|_| Fingerprint::of(&bytes, Some(&meta)));
        (org, fingerprint)
    });
    Ok((org?, fingerprint))
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_matches_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
