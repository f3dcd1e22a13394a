/** The platform's event categories and its one flat numbering of subcategories (any pairing is accepted). */

export const CATEGORIES: readonly string[] = ['Party', 'Causes', 'Education', 'Meetings', 'Music/Arts', 'Sports', 'Trips', 'Other'];

export const SUBCATEGORIES: readonly string[] = [
  'Birthday Party', 'Cocktail Party', 'Club Party', 'Concert', 'Fraternity/Sorority Party', 'Business Meeting', 'Barbecue', 'Card Night',
  'Dinner Party', 'Holiday Party', 'Night of Mayhem', 'Movie/TV Night', 'Drinking Games', 'Bar Night', 'LAN Party', 'Study Group', 'Mixer',
  'Slumber Party', 'Erotic Party', 'Benefit', 'Goodbye Party', 'House Party', 'Reunion', 'Fundraiser', 'Protest', 'Rally', 'Class', 'Lecture',
  'Office Hours', 'Workshop', 'Club/Group Meeting', 'Convention', 'Dorm/House Meeting', 'Informational Meeting', 'Audition', 'Exhibit',
  'Jam Session', 'Listening Party', 'Opening', 'Performance', 'Preview', 'Recital', 'Rehearsal', 'Pep Rally', 'Pick-Up', 'Sporting Event',
  'Sports Practice', 'Tournament', 'Camping Trip', 'Daytrip', 'Group Trip', 'Roadtrip', 'Carnival', 'Ceremony', 'Festival', 'Flea Market',
  'Retail', 'Wedding',
];
