//! The directory an on-disk index lives in: tantivy's memory-mapped directory, except
//! that the document stores (`.store` files) are read with positional reads.
//!
//! A pass reads only columns; the stored vacancy (its JSON) is read for the few
//! vacancies a call returns. Mapped, every store block a call touched would stay in the
//! server's resident memory (a long-running server comes to hold the whole store, over
//! 200 MiB at 500k vacancies); read with `pread`, a block goes through the kernel's page
//! cache only, and a call's reads cost a few microseconds each.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::HasLen;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};

#[derive(Debug, Clone)]
pub(crate) struct IndexDirectory {
    mmap: MmapDirectory,
    root: PathBuf,
}

impl IndexDirectory {
    pub(crate) fn open(root: &Path) -> tantivy::Result<IndexDirectory> {
        let mmap = MmapDirectory::open(root).map_err(tantivy::TantivyError::from)?;
        Ok(IndexDirectory { mmap, root: root.to_path_buf() })
    }
}

/// Whether a file of the index is read with positional reads rather than mapped.
fn read_positionally(path: &Path) -> bool {
    cfg!(unix) && path.extension().is_some_and(|e| e == "store")
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if !read_positionally(path) {
            return self.mmap.get_file_handle(path);
        }
        let file = File::open(self.root.join(path)).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_path_buf()),
            _ => OpenReadError::wrap_io_error(e, path.to_path_buf()),
        })?;
        let len =
            file.metadata().map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))?.len()
                as usize;
        Ok(Arc::new(ReadAtFile { file, len }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mmap.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mmap.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mmap.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mmap.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mmap.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mmap.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.mmap.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mmap.watch(watch_callback)
    }
}

/// An open file read by position. Index files are written once and never changed, so
/// the length read at open stays true; a deleted file stays readable while it is open.
#[derive(Debug)]
struct ReadAtFile {
    file: File,
    len: usize,
}

impl HasLen for ReadAtFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadAtFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("bytes {range:?} asked of a file of {} bytes", self.len),
            ));
        }
        let mut buffer = vec![0; range.len()];
        #[cfg(unix)]
        std::os::unix::fs::FileExt::read_exact_at(&self.file, &mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use tantivy::directory::TerminatingWrite;

    #[test]
    fn a_store_file_is_read_by_position_and_other_files_are_mapped() {
        let dir = tempfile::tempdir().unwrap();
        let directory = IndexDirectory::open(dir.path()).unwrap();
        for name in ["a.store", "a.fast"] {
            let mut w = directory.open_write(Path::new(name)).unwrap();
            w.write_all(b"0123456789").unwrap();
            w.terminate().unwrap();
        }
        let store = directory.open_read(Path::new("a.store")).unwrap();
        assert_eq!(store.len(), 10);
        assert_eq!(store.slice(3..7).read_bytes().unwrap().as_slice(), b"3456");
        assert_eq!(store.slice(4..4).read_bytes().unwrap().as_slice(), b"");
        assert!(store.slice(8..10).read_bytes().is_ok());
        let fast = directory.open_read(Path::new("a.fast")).unwrap();
        assert_eq!(fast.read_bytes().unwrap().as_slice(), b"0123456789");
        assert!(matches!(
            directory.open_read(Path::new("b.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }
}
