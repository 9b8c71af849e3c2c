#pragma once
// What a participant sends during a live class, recorded and announced the
// same way whether it came as POST /api/live/{code}/values or as a values
// message on the class's socket: validated (a 4xx naming the field), then in
// one transaction the participant's and the class's last values and one
// event, then the values message to every socket of the class.
#include <functional>

#include <boost/json/value.hpp>

#include "common/result.h"
#include "db/live_repository.h"
#include "http/services.h"
#include "live/messages.h"

namespace ws::http {

using ValuesDone = std::function<void(Result<live::ValuesUpdate>)>;

// `values`: {"heart_rate"?, "systolic"?, "diastolic"?, "spo2"?, "reps"?}
// (a socket message may keep its "type": "values"). `done` runs once: on a
// database worker, or at once on the calling thread when the values are
// refused or the database queue is full (unavailable "overloaded").
// not_found "unknown_code" once the class is over; forbidden
// "not_a_participant" for the coach's peer.
void submit_live_values(Services& services, const db::SocketPeer& peer, const boost::json::value& values,
                        ValuesDone done);

// The same on a database worker that holds `c` already (no transaction open).
Result<live::ValuesUpdate> record_and_announce_values(Services& services, db::Connection& c,
                                                      const db::SocketPeer& peer, const boost::json::value& values);

// A participant leaves the class (its socket closed for good): its left_at,
// then the participants message (left) to the class. `done` as above.
void submit_live_leave(Services& services, const db::SocketPeer& peer, std::function<void(Status)> done);

}  // namespace ws::http
