/** Properties: where the work happens, for maps and service-area reports. */
import { city, computed, country, flag, group, numberDimension, recordCount, region, text } from '../fields';
import { asNumber, at } from '../read';
import type { CatalogObject } from '../types';
import { clientFields, jobberLink, recordId } from './shared';

const readLatitude = at('address.coordinates.latitude');
const readLongitude = at('address.coordinates.longitude');

export const properties: CatalogObject = {
  id: 'properties',
  label: 'Properties',
  description: 'One row per service property: address, location and client. Jobber has no date to filter on.',
  root: { connection: 'properties', singular: 'property', filterType: 'PropertiesFilterAttributes' },
  dateOptions: [],
  allTime: true,
  fields: [
    ...group('Property', [
      recordId('propertyId', 'Property ID', "Jobber's id of the property."),
      flag({
        id: 'isBillingAddress',
        label: 'Is billing address',
        description: 'The property is also the billing address.',
      }),
      numberDimension({
        id: 'routingOrder',
        label: 'Routing order',
        description: 'Order of the property on routes.',
      }),
      text({
        id: 'taxRateName',
        label: 'Tax rate',
        path: 'taxRate.name',
        description: 'The tax rate used at this property.',
      }),
      jobberLink('Link to the property in Jobber.'),
    ]),
    ...group('Address', [
      text({
        id: 'street',
        label: 'Street',
        path: 'address.street',
        description: 'Street address of the property (both lines).',
      }),
      city({ id: 'city', label: 'City', path: 'address.city', description: 'City of the property.' }),
      region({
        id: 'province',
        label: 'Province or state',
        path: 'address.province',
        description: 'Province or state of the property.',
      }),
      text({
        id: 'postalCode',
        label: 'Postal code',
        path: 'address.postalCode',
        description: 'Postal or ZIP code of the property.',
      }),
      country({
        id: 'country',
        label: 'Country',
        path: 'address.country',
        description: 'Country of the property.',
      }),
      computed({
        id: 'location',
        label: 'Location',
        description: 'Latitude and longitude, for map charts.',
        type: 'LATITUDE_LONGITUDE',
        concept: 'DIMENSION',
        select: ['address.coordinates.latitude', 'address.coordinates.longitude'],
        read: (node) => {
          const latitude = asNumber(readLatitude(node));
          const longitude = asNumber(readLongitude(node));
          return latitude === null || longitude === null ? null : `${latitude}, ${longitude}`;
        },
      }),
    ]),
    ...group('Client', clientFields({ clientIdFilter: 'clientId' })),
    ...group('KPIs', [recordCount('propertyCount', 'Properties', 'The number of properties (1 per row).')]),
  ],
  defaultDimension: 'city',
  defaultMetric: 'propertyCount',
};
