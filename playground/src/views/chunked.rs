//! A vector that is cheap to copy: its items live in shared chunks, and a
//! change copies only the chunk it falls in, when that chunk is shared. The
//! views keep copies of their models at moments of a run (so the scrubber can
//! go back without folding the trace from its start); most of a long run's
//! rows do not change between two such moments, so the copies share them.

use std::fmt;
use std::rc::Rc;

/// Items per chunk: small enough that copying one on a change is cheap,
/// large enough that copying the list of chunks is.
const CHUNK: usize = 256;

/// A vector of `T` in shared chunks of [`CHUNK`] items (see the module).
#[derive(Clone, PartialEq, Eq)]
pub struct Chunked<T> {
    chunks: Vec<Rc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> Chunked<T> {
    /// How many items it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `item` at the end.
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => Rc::make_mut(last).push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(Rc::new(chunk));
            }
        }
        self.len += 1;
    }

    /// The item at `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.chunks.get(index / CHUNK)?.get(index % CHUNK)
    }

    /// The item at `index`, to change (its chunk is copied first if shared).
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        let chunk = self.chunks.get_mut(index / CHUNK)?;
        Rc::make_mut(chunk).get_mut(index % CHUNK)
    }

    /// The last item.
    pub fn last(&self) -> Option<&T> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// The last item, to change.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        let last = self.len.checked_sub(1)?;
        self.get_mut(last)
    }

    /// The items in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &T> + DoubleEndedIterator + '_ {
        Iter {
            items: self.chunks.iter().flat_map(|chunk| chunk.iter()),
            left: self.len,
        }
    }

    /// The index of the first item for which `before` is false, the items
    /// being those for which it is true followed by those for which it is not
    /// (as [`slice::partition_point`]).
    pub fn partition_point(&self, mut before: impl FnMut(&T) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.get(middle) {
                Some(item) if before(item) => low = middle + 1,
                _ => high = middle,
            }
        }
        low
    }
}

#[cfg(test)]
impl<T> Chunked<T> {
    /// Bytes on the heap not counted yet: the list of chunks, and each chunk
    /// whose address is not in `seen` (then added), with what `inner` counts
    /// of its items. Copies that share a chunk count it once.
    pub fn heap_bytes(
        &self,
        seen: &mut std::collections::HashSet<usize>,
        inner: &mut dyn FnMut(&T, &mut std::collections::HashSet<usize>) -> usize,
    ) -> usize {
        let mut bytes = self.chunks.capacity() * std::mem::size_of::<Rc<Vec<T>>>();
        for chunk in &self.chunks {
            if seen.insert(Rc::as_ptr(chunk) as usize) {
                bytes += chunk.capacity() * std::mem::size_of::<T>();
                for item in chunk.iter() {
                    bytes += inner(item, seen);
                }
            }
        }
        bytes
    }
}

impl<T: Clone> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut chunked = Chunked::default();
        for item in items {
            chunked.push(item);
        }
        chunked
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// [`Chunked::iter`]: the chunks' items flattened, with their count known.
struct Iter<I> {
    items: I,
    left: usize,
}

impl<'a, T: 'a, I: Iterator<Item = &'a T>> Iterator for Iter<I> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.items.next()?;
        self.left -= 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<'a, T: 'a, I: Iterator<Item = &'a T>> ExactSizeIterator for Iter<I> {}

impl<'a, T: 'a, I: DoubleEndedIterator<Item = &'a T>> DoubleEndedIterator for Iter<I> {
    fn next_back(&mut self) -> Option<&'a T> {
        let item = self.items.next_back()?;
        self.left -= 1;
        Some(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_unchanged_by_changes_to_the_original() {
        let mut original: Chunked<usize> = (0..1_000).collect();
        let copy = original.clone();
        if let Some(item) = original.get_mut(300) {
            *item = 7;
        }
        original.push(1_000);
        assert_eq!(
            copy.iter().copied().collect::<Vec<_>>(),
            (0..1_000).collect::<Vec<_>>()
        );
        assert_eq!((original.get(300), original.len()), (Some(&7), 1_001));
        // Only the changed chunk and the last were copied.
        let shared = original
            .chunks
            .iter()
            .zip(&copy.chunks)
            .filter(|(a, b)| Rc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, copy.chunks.len() - 2);
    }

    #[test]
    fn it_reads_as_the_vector_it_holds() {
        for len in [0, 1, 255, 256, 257, 1_000] {
            let items: Vec<usize> = (0..len).map(|i| i * 2).collect();
            let chunked: Chunked<usize> = items.iter().copied().collect();
            assert_eq!(chunked.len(), len);
            assert_eq!(chunked.iter().len(), len);
            assert_eq!(
                chunked.iter().rev().copied().collect::<Vec<_>>(),
                items.iter().rev().copied().collect::<Vec<_>>()
            );
            assert_eq!(chunked.last(), items.last());
            for probe in [0, 1, 255, 511, 1_999, 5_000] {
                assert_eq!(
                    chunked.partition_point(|&x| x < probe),
                    items.partition_point(|&x| x < probe),
                    "{len} items, probe {probe}"
                );
            }
            assert_eq!(format!("{chunked:?}"), format!("{items:?}"));
        }
    }
}
