// GENERATED CODE -- DO NOT EDIT!
'use strict';
var grpc = require('@grpc/grpc-js');

var DirectoryService = (exports.DirectoryService = {
  lookup: { path: '/directory.v1.Directory/Lookup', requestStream: false, responseStream: false },
});

exports.DirectoryClient = grpc.makeGenericClientConstructor(DirectoryService);
