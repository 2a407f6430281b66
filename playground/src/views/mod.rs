//! The views of a run. Each reads the trace (and nothing else) and draws it:
//! [`model`] derives plain data from the trace, the other modules draw that data.

pub mod mailbox_chart;
pub mod model;
pub mod process_table;
pub mod sequence_diagram;
