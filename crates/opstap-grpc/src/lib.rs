//! opstap-grpc
