//! Reader state and the actions that change it; no drawing here.
