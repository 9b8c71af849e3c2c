#include "http/live_values.h"

#include "http/routes/live_parsing.h"
#include "live/board.h"

namespace ws::http {
namespace {

Error overloaded() {
  return make_error(ErrorKind::unavailable, "overloaded", "the database queue is full; retry later");
}

struct Recorded {
  live::ValuesUpdate update;
  std::optional<int> max_heart_rate;
};

Result<Recorded> record_in_transaction(db::Connection& c, const db::SocketPeer& peer, const live::Vitals& vitals,
                                       Instant now) {
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_ASSIGN_OR_RETURN(live::Participant participant, db::enter_as_participant(c, peer, now));
  live::ValuesUpdate update{participant.id, participant.name, vitals,
                            live::flags_for(vitals, participant.max_heart_rate), now};
  WS_RETURN_IF_ERROR(db::record_live_values(c, peer, update));
  WS_RETURN_IF_ERROR(tx.commit());
  return Recorded{std::move(update), participant.max_heart_rate};
}

Result<live::Participant> leave_in_transaction(db::Connection& c, const db::SocketPeer& peer, Instant now) {
  db::Transaction tx(c);
  WS_RETURN_IF_ERROR(tx.begin());
  WS_RETURN_IF_ERROR(db::enter_as_participant(c, peer, now));
  WS_ASSIGN_OR_RETURN(live::Participant left, db::leave_live_session(c, peer, now));
  WS_RETURN_IF_ERROR(tx.commit());
  return left;
}

}  // namespace

Result<live::ValuesUpdate> record_and_announce_values(Services& services, db::Connection& c,
                                                      const db::SocketPeer& peer, const boost::json::value& values) {
  WS_ASSIGN_OR_RETURN(live::Vitals vitals, parse_live_values(values));
  WS_ASSIGN_OR_RETURN(Recorded recorded, record_in_transaction(c, peer, vitals, services.clock.now()));
  const live::ValuesUpdate& update = recorded.update;
  if (services.boards) {
    services.boards->record(peer.session_id, update.participant_id, update.name, recorded.max_heart_rate,
                            update.vitals.heart_rate, update.at);
  }
  services.class_sockets.broadcast(peer.session_id, live::values_message(update));
  return recorded.update;
}

void submit_live_values(Services& services, const db::SocketPeer& peer, const boost::json::value& values,
                        ValuesDone done) {
  // Refused values never reach the database queue.
  if (auto vitals = parse_live_values(values); !vitals) return done(vitals.error());
  bool queued = services.db.submit([&services, peer, values, done](db::Connection& c) {
    done(record_and_announce_values(services, c, peer, values));
  });
  if (!queued) done(overloaded());
}

void submit_live_leave(Services& services, const db::SocketPeer& peer, std::function<void(Status)> done) {
  bool queued = services.db.submit([&services, peer, done](db::Connection& c) {
    auto left = leave_in_transaction(c, peer, services.clock.now());
    if (!left) return done(left.error());
    if (services.boards) services.boards->leave(peer.session_id, left->id);
    services.class_sockets.broadcast(peer.session_id,
                                     live::participants_message(live::ParticipantChange::left, *left));
    done(Status::Ok());
  });
  if (!queued) done(overloaded());
}

}  // namespace ws::http
